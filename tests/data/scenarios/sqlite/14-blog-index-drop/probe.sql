SELECT id, author_id, slug, created_at FROM posts ORDER BY id;
