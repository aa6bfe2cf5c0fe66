CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    year text,
    code text,
    active integer NOT NULL
);
CREATE INDEX ix_products_year ON products (year);
