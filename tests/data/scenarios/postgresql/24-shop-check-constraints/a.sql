CREATE TABLE items (
    id integer PRIMARY KEY,
    name text NOT NULL CHECK (length(name) <= 20),
    price numeric NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    discount numeric NOT NULL DEFAULT 0,
    CONSTRAINT ck_discount CHECK (discount >= 0)
);
