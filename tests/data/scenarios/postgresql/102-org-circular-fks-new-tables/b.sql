CREATE TABLE people (id integer PRIMARY KEY, name text, team_id integer);
CREATE TABLE teams (id integer PRIMARY KEY, lead_id integer REFERENCES people (id), dept_id integer);
CREATE TABLE depts (id integer PRIMARY KEY, head_team_id integer REFERENCES teams (id));
ALTER TABLE teams ADD FOREIGN KEY (dept_id) REFERENCES depts (id);
ALTER TABLE people ADD FOREIGN KEY (team_id) REFERENCES teams (id);
