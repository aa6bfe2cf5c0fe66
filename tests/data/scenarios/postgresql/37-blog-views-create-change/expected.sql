-- +cdb upgrade
DROP VIEW "recent_posts";

CREATE VIEW "author_stats" AS
SELECT a.id,
    a.name,
    count(p.id) AS posts,
    COALESCE(sum(p.views), 0::bigint) AS views
   FROM authors a
     LEFT JOIN posts p ON p.author_id = a.id
  GROUP BY a.id, a.name;

CREATE VIEW "popular_posts" AS
SELECT posts.id,
    posts.title,
    posts.views
   FROM posts
  WHERE posts.views >= 100;

CREATE OR REPLACE VIEW "post_titles" AS
SELECT posts.id,
    posts.title,
    upper(posts.title) AS shout
   FROM posts;


-- +cdb downgrade
DROP VIEW "post_titles";
CREATE VIEW "post_titles" AS
SELECT posts.id,
    posts.title
   FROM posts;

DROP VIEW "popular_posts";

DROP VIEW "author_stats";

CREATE VIEW "recent_posts" AS
SELECT posts.id,
    posts.title
   FROM posts
  WHERE posts.created_at > '2024-01-01'::date;

