CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    views INTEGER NOT NULL DEFAULT 0,
    created_at TEXT
);
CREATE VIEW post_titles AS SELECT id, title, upper(title) AS shout FROM posts;
CREATE VIEW popular_posts AS SELECT id, title, views FROM posts WHERE views >= 100;
