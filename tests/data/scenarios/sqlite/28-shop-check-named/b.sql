CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price NUMERIC NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ck_price_positive CHECK (price > 0),
    CONSTRAINT ck_qty_range CHECK (qty BETWEEN 1 AND 999)
);
