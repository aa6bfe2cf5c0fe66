CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer REFERENCES authors (id),
    title text NOT NULL,
    views integer NOT NULL DEFAULT 0,
    created_at date
);
CREATE VIEW recent_posts AS SELECT id, title FROM posts WHERE created_at > '2024-01-01';
CREATE VIEW post_titles AS SELECT id, title FROM posts;
