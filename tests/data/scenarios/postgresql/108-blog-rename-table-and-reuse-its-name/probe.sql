SELECT id, post_id, body FROM comments ORDER BY id;
