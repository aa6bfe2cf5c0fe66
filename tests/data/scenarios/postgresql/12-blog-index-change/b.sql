CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer,
    slug text,
    created_at timestamp
);
CREATE INDEX ix_posts_lookup ON posts (author_id, created_at);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_posts_slug ON posts USING hash (slug);
