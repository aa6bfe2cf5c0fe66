SELECT id, title FROM published_posts ORDER BY id;
SELECT id, author_id, title, published FROM posts ORDER BY id;
