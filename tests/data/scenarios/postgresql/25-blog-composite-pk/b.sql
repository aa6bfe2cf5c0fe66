CREATE TABLE posts (id integer PRIMARY KEY, title text);
CREATE TABLE tags (id integer PRIMARY KEY, name text);
CREATE TABLE post_tags (
    post_id integer NOT NULL REFERENCES posts (id),
    tag_id integer NOT NULL REFERENCES tags (id),
    PRIMARY KEY (post_id, tag_id)
);
