CREATE TABLE orders (
    id integer PRIMARY KEY,
    status text NOT NULL DEFAULT 'new',
    currency char(3),
    placed_at timestamptz,
    qty integer DEFAULT 1,
    note text DEFAULT ''
);
