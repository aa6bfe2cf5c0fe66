CREATE TABLE authors (
    id serial PRIMARY KEY,
    name text NOT NULL DEFAULT 'anonymous'
);

CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text
);

CREATE INDEX posts_author_id_idx ON posts (author_id);

CREATE VIEW post_titles AS SELECT p.id, a.name, p.title FROM posts p JOIN authors a ON a.id = p.author_id;
