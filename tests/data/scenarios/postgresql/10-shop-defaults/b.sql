CREATE TABLE orders (
    id integer PRIMARY KEY,
    status text NOT NULL DEFAULT 'pending',
    currency char(3) DEFAULT 'EUR',
    placed_at timestamptz DEFAULT now(),
    qty integer,
    note text
);
