CREATE TABLE users (id INTEGER PRIMARY KEY, handle TEXT NOT NULL);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES users (id),
    published INTEGER NOT NULL DEFAULT 0,
    created_at TEXT
);
CREATE INDEX ix_posts_author ON posts (author_id);
CREATE INDEX ix_posts_pub_created ON posts (published, created_at);
CREATE UNIQUE INDEX ux_users_handle ON users (handle);
