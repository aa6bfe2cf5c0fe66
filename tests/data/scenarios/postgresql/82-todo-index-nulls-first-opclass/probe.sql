SELECT id, title, code, due_on, priority FROM todos ORDER BY id;
