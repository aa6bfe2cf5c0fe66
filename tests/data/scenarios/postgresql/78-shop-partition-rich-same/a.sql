CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id integer NOT NULL,
    region text NOT NULL,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total numeric(10,2) NOT NULL CHECK (total > -1000),
    placed_on date NOT NULL DEFAULT '2024-01-01',
    PRIMARY KEY (id, region, placed_on),
    UNIQUE (region, id, placed_on)
) PARTITION BY LIST (region);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE orders_eu PARTITION OF orders (
    CONSTRAINT orders_eu_total_check CHECK (total >= 0)
) FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (placed_on);
CREATE TABLE orders_eu_2024 PARTITION OF orders_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_eu_old PARTITION OF orders_eu DEFAULT;
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
CREATE INDEX orders_us_total_idx ON orders_us (total);
COMMENT ON TABLE orders_us IS 'orders shipped from Ohio';
CREATE TABLE refunds (
    id integer PRIMARY KEY,
    order_id integer NOT NULL,
    region text NOT NULL,
    placed_on date NOT NULL,
    FOREIGN KEY (order_id, region, placed_on) REFERENCES orders (id, region, placed_on)
);
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.total := round(NEW.total, 2);
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_touch();
