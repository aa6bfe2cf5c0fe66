CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL
) WITH (fillfactor = 70);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    total numeric(10,2) NOT NULL
) WITH (fillfactor = 60);
CREATE TABLE stock (
    product_id integer PRIMARY KEY REFERENCES products (id),
    quantity integer NOT NULL,
    note text
) WITH (autovacuum_vacuum_scale_factor = 0.05, toast.autovacuum_enabled = false);
CREATE TABLE price_history (
    product_id integer NOT NULL REFERENCES products (id),
    price numeric(10,2) NOT NULL,
    since date NOT NULL,
    comment text
) WITH (autovacuum_analyze_threshold = 100, fillfactor = 50, toast.autovacuum_enabled = true);
