CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id integer NOT NULL,
    region text NOT NULL,
    customer_id integer NOT NULL REFERENCES customers (id),
    total numeric(10,2) NOT NULL,
    PRIMARY KEY (id, region)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders (
    CONSTRAINT orders_eu_total_check CHECK (total >= 0)
) FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_us_total_idx ON orders_us (total);
