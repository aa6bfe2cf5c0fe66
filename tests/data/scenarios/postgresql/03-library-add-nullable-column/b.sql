CREATE TABLE books (
    id integer PRIMARY KEY,
    title text NOT NULL,
    subtitle text,
    pages integer,
    published date
);
