CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL);
CREATE INDEX posts_title_idx ON posts (title);
CREATE TABLE comments (id integer PRIMARY KEY, post_id integer REFERENCES posts (id), body text);
