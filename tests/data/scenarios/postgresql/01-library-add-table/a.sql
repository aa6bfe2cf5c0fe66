CREATE TABLE books (
    id serial PRIMARY KEY,
    title text NOT NULL,
    isbn varchar(13)
);
