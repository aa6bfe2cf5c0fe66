SELECT id, name FROM sensors ORDER BY id;
