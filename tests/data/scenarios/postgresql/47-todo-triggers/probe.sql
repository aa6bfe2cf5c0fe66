SELECT id, title FROM todos ORDER BY id;
SELECT id, what FROM todo_audit ORDER BY id;
