SELECT id, title, email FROM todos ORDER BY id;
