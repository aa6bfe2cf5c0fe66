CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER,
    created_at TEXT
);
CREATE INDEX ix_posts_lookup ON posts (author_id, created_at);
