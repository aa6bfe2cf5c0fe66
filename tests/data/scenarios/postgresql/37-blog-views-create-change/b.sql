CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer REFERENCES authors (id),
    title text NOT NULL,
    views integer NOT NULL DEFAULT 0,
    created_at date
);
CREATE VIEW post_titles AS SELECT id, title, upper(title) AS shout FROM posts;
CREATE VIEW popular_posts AS SELECT id, title, views FROM posts WHERE views >= 100;
CREATE VIEW author_stats AS
    SELECT a.id, a.name, count(p.id) AS posts, coalesce(sum(p.views), 0) AS views
    FROM authors a LEFT JOIN posts p ON p.author_id = a.id
    GROUP BY a.id, a.name;
