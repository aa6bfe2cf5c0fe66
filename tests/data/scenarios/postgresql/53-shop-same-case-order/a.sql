CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id) ON DELETE CASCADE,
    total numeric(10,2) NOT NULL DEFAULT 0
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE VIEW order_count AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
