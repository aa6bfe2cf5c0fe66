CREATE TABLE users (id integer PRIMARY KEY, handle text NOT NULL);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer REFERENCES users (id),
    published boolean NOT NULL DEFAULT false,
    created_at timestamp
);
CREATE INDEX ix_posts_author ON posts (author_id);
CREATE INDEX ix_posts_pub_created ON posts (published, created_at);
CREATE UNIQUE INDEX ux_users_handle ON users (handle);
