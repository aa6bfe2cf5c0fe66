-- +cdb upgrade
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_project_id_team_code_fkey" FOREIGN KEY (project_id, team_code) REFERENCES teams(project_id, code) ON DELETE CASCADE;


-- +cdb downgrade
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_project_id_team_code_fkey";

