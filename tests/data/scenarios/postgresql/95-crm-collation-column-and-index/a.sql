CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL
);
