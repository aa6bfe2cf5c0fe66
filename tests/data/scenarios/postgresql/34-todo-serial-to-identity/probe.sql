SELECT id, title FROM todos ORDER BY id;
