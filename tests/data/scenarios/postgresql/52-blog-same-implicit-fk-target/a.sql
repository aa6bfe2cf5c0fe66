CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE
);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES users,
    title text NOT NULL CHECK (title <> '')
);
