CREATE TABLE lists (
    id serial PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE todos (
    id integer PRIMARY KEY,
    title text NOT NULL,
    seq bigserial,
    rank smallserial
);
