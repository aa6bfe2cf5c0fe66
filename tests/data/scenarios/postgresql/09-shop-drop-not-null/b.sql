CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer text NOT NULL,
    note text,
    shipped_at timestamp,
    status text NOT NULL DEFAULT 'new'
);
