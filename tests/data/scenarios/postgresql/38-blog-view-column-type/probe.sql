SELECT id, title, views FROM post_summaries ORDER BY id;
SELECT id, title FROM top_posts ORDER BY id;
