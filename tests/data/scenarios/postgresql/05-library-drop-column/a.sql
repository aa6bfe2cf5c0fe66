CREATE TABLE books (
    id integer PRIMARY KEY,
    title text NOT NULL,
    blurb text,
    shelf varchar(8) NOT NULL DEFAULT 'A1'
);
