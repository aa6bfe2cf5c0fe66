SELECT id, title, score FROM posts ORDER BY id;
SELECT id, score FROM post_scores ORDER BY id;
SELECT id, title FROM post_titles ORDER BY id;
