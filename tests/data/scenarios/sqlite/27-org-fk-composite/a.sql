CREATE TABLE teams (
    project_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (project_id, code)
);
CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    team_code TEXT NOT NULL,
    person TEXT NOT NULL
);
