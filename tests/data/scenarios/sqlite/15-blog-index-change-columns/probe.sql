SELECT id, author_id, created_at FROM posts ORDER BY id;
