-- +cdb upgrade
DROP VIEW "recent_posts";
CREATE VIEW popular_posts AS SELECT id, title, views FROM posts WHERE views >= 100;
DROP VIEW "post_titles";
CREATE VIEW post_titles AS SELECT id, title, upper(title) AS shout FROM posts;


-- +cdb downgrade
DROP VIEW "post_titles";
CREATE VIEW post_titles AS SELECT id, title FROM posts;
DROP VIEW "popular_posts";
CREATE VIEW recent_posts AS SELECT id, title FROM posts WHERE created_at > '2024-01-01';

