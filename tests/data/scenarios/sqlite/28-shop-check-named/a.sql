CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price NUMERIC NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ck_name_len CHECK (length(name) <= 20)
);
