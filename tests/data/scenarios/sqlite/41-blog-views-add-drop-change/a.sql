CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    views INTEGER NOT NULL DEFAULT 0,
    created_at TEXT
);
CREATE VIEW recent_posts AS SELECT id, title FROM posts WHERE created_at > '2024-01-01';
CREATE VIEW post_titles AS SELECT id, title FROM posts;
