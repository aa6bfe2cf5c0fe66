CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'image' CHECK (kind IN ('image', 'video'))
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    media_id INTEGER REFERENCES media (id)
);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    approved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_comments_post ON comments (post_id);
