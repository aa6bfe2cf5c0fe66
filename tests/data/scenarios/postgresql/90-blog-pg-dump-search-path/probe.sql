SELECT id, name FROM authors ORDER BY id;
SELECT id, author_id, title, body FROM posts ORDER BY id;
