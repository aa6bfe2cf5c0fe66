CREATE TABLE plots (
    id integer PRIMARY KEY,
    w numeric NOT NULL,
    h numeric NOT NULL,
    name text,
    perimeter numeric GENERATED ALWAYS AS (w + h) STORED,
    label text GENERATED ALWAYS AS (upper(name)) STORED
);
