SELECT id, title, priority FROM todos ORDER BY id;
SELECT id, todo_id, what FROM todo_log ORDER BY id;
