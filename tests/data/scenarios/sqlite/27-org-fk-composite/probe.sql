SELECT id, project_id, team_code, person FROM assignments ORDER BY id;
SELECT project_id, code, name FROM teams ORDER BY project_id, code;
