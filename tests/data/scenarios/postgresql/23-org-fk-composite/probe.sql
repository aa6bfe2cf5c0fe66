SELECT id, project_id, team_code, person FROM assignments ORDER BY id;
