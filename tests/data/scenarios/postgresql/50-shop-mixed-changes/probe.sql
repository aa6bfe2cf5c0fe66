SELECT id, title FROM posts ORDER BY id;
SELECT id, post_id, body FROM comments ORDER BY id;
