CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    views bigint NOT NULL DEFAULT 0
);
CREATE VIEW post_summaries AS SELECT id, title, views FROM posts;
CREATE VIEW top_posts AS SELECT id, title FROM post_summaries WHERE views > 10;
