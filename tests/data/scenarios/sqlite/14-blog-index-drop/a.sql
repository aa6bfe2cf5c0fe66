CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER,
    slug TEXT,
    created_at TEXT
);
CREATE INDEX ix_posts_author ON posts (author_id);
CREATE INDEX ix_posts_created ON posts (created_at);
CREATE UNIQUE INDEX ux_posts_slug ON posts (slug);
