CREATE TABLE orders (
    id integer PRIMARY KEY,
    number text NOT NULL,
    customer_id integer NOT NULL,
    total numeric(10,2) NOT NULL,
    status text NOT NULL,
    placed_at timestamptz
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
