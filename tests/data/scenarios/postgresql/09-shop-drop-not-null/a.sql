CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer text NOT NULL,
    note text NOT NULL,
    shipped_at timestamp NOT NULL,
    status text NOT NULL DEFAULT 'new'
);
