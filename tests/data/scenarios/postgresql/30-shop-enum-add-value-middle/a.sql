CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE orders (
    id integer PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new',
    CONSTRAINT ck_orders_status CHECK (status <> 'shipped' OR id > 0)
);
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status < 'shipped';
