CREATE TABLE teams (
    project_id integer NOT NULL,
    code text NOT NULL,
    name text,
    PRIMARY KEY (project_id, code)
);
CREATE TABLE assignments (
    id integer PRIMARY KEY,
    project_id integer NOT NULL,
    team_code text NOT NULL,
    person text NOT NULL,
    FOREIGN KEY (project_id, team_code) REFERENCES teams (project_id, code) ON DELETE CASCADE
);
