SELECT id, author_id, title FROM posts ORDER BY id;
