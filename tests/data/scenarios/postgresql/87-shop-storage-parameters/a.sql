CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    total numeric(10,2) NOT NULL
) WITH (autovacuum_enabled = false, fillfactor = 80);
CREATE TABLE stock (
    product_id integer PRIMARY KEY REFERENCES products (id),
    quantity integer NOT NULL,
    note text
) WITH (fillfactor = 90, toast.autovacuum_enabled = false);
