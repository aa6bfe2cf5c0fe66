SELECT id, label FROM sensors ORDER BY id;
