CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE deals (id integer PRIMARY KEY, title text);
CREATE TABLE topics (id integer PRIMARY KEY, name text);
CREATE TABLE notes (
    id integer PRIMARY KEY,
    deal_id integer NOT NULL REFERENCES deals (id),
    author_id integer REFERENCES users (id) ON DELETE SET NULL,
    topic_id integer REFERENCES topics (id),
    body text
);
