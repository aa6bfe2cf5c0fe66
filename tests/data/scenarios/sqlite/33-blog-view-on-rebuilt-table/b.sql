CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES authors (id),
    title TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0
);
CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE published = 1;
CREATE VIEW post_counts AS
    SELECT a.name AS author, count(p.id) AS n
    FROM authors a LEFT JOIN posts p ON p.author_id = a.id
    GROUP BY a.name;
