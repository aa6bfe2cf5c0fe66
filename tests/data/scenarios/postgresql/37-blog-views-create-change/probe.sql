SELECT id, author_id, title, views, created_at FROM posts ORDER BY id;
SELECT id, title FROM post_titles ORDER BY id;
