CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    year integer,
    code uuid,
    active boolean NOT NULL
);
CREATE INDEX ix_products_year ON products (year);
