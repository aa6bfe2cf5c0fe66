SELECT id, list_id, title, done, deleted_at FROM todos ORDER BY id;
