CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner_name text NOT NULL,
    region text NOT NULL,
    archived boolean NOT NULL DEFAULT false
);
CREATE TABLE notes (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    body text NOT NULL
);
