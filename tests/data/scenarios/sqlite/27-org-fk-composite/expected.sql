-- +cdb upgrade
-- rebuild table 'assignments' (add foreign key (project_id, team_code) -> 'teams' on 'assignments')
CREATE TABLE "_cdb_new_assignments" (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    team_code TEXT NOT NULL,
    person TEXT NOT NULL,
    FOREIGN KEY (project_id, team_code) REFERENCES teams (project_id, code) ON DELETE CASCADE
);
INSERT INTO "_cdb_new_assignments" ("id", "project_id", "team_code", "person") SELECT "id", "project_id", "team_code", "person" FROM "assignments";
DROP TABLE "assignments";
ALTER TABLE "_cdb_new_assignments" RENAME TO "assignments";


-- +cdb downgrade
-- rebuild table 'assignments' (drop foreign key (project_id, team_code) -> 'teams' on 'assignments')
CREATE TABLE "_cdb_new_assignments" (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    team_code TEXT NOT NULL,
    person TEXT NOT NULL
);
INSERT INTO "_cdb_new_assignments" ("id", "project_id", "team_code", "person") SELECT "id", "project_id", "team_code", "person" FROM "assignments";
DROP TABLE "assignments";
ALTER TABLE "_cdb_new_assignments" RENAME TO "assignments";

