CREATE TABLE plots (
    id integer PRIMARY KEY,
    w numeric NOT NULL,
    h numeric NOT NULL,
    name text,
    perimeter numeric GENERATED ALWAYS AS (2 * (w + h)) STORED,
    area numeric GENERATED ALWAYS AS (w * h) STORED
);
