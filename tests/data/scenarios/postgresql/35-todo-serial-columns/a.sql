CREATE TABLE todos (
    id integer PRIMARY KEY,
    title text NOT NULL
);
