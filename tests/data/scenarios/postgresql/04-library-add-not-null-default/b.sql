CREATE TABLE books (
    id integer PRIMARY KEY,
    title text NOT NULL,
    format text NOT NULL DEFAULT 'paper',
    copies integer NOT NULL DEFAULT 1,
    added_at timestamptz NOT NULL DEFAULT now(),
    flags text[] NOT NULL DEFAULT '{}'
);
