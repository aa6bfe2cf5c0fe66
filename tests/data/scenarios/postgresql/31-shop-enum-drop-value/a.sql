CREATE TYPE order_status AS ENUM ('new', 'paid', 'lost', 'shipped');
CREATE TABLE orders (
    id integer PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new',
    previous order_status
);
CREATE INDEX ix_orders_status ON orders (status);
