CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT);
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE post_tags (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id),
    tag_id INTEGER NOT NULL REFERENCES tags (id)
);
CREATE UNIQUE INDEX ux_post_tags ON post_tags (post_id, tag_id);
