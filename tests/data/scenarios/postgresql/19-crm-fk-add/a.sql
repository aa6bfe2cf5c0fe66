CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE contacts (id integer PRIMARY KEY, name text);
CREATE TABLE deals (
    id integer PRIMARY KEY,
    contact_id integer,
    amount numeric
);
