SELECT id, title, views, created_at FROM posts ORDER BY id;
