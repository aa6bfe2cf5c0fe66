CREATE TABLE items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric NOT NULL,
    qty integer NOT NULL DEFAULT 1 CHECK (qty > 0),
    discount numeric NOT NULL DEFAULT 0,
    CONSTRAINT ck_discount CHECK (discount >= 0 AND discount < price),
    CONSTRAINT ck_price_positive CHECK (price > 0)
);
