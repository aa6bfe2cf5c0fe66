CREATE TYPE media_kind AS ENUM ('image', 'video');
CREATE TABLE media (
    id integer PRIMARY KEY,
    url text NOT NULL UNIQUE,
    kind media_kind NOT NULL DEFAULT 'image'
);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    media_id integer REFERENCES media (id)
);
CREATE TABLE comments (
    id integer PRIMARY KEY,
    post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body text NOT NULL CHECK (body <> ''),
    approved boolean NOT NULL DEFAULT false
);
CREATE INDEX ix_comments_post ON comments (post_id);
