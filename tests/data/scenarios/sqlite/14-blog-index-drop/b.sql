CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER,
    slug TEXT,
    created_at TEXT
);
CREATE INDEX ix_posts_author ON posts (author_id);
