CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('a', 'b', 'c')),
    price NUMERIC NOT NULL,
    discount NUMERIC NOT NULL DEFAULT 0,
    CHECK (discount < price)
);
