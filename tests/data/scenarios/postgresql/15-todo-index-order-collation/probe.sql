SELECT id, title, due_on, tag FROM todos ORDER BY id;
