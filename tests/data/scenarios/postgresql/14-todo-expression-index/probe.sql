SELECT id, list_id, title, email, created_at FROM todos ORDER BY id;
