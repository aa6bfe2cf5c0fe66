CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    legacy_flag boolean
);
CREATE TABLE comments (
    id integer PRIMARY KEY,
    post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body text NOT NULL
);
CREATE INDEX ix_comments_post ON comments (post_id);
CREATE INDEX ix_comments_body ON comments (body);
