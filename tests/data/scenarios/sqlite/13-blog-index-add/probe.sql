SELECT id, handle FROM users ORDER BY id;
SELECT id, author_id, published, created_at FROM posts ORDER BY id;
