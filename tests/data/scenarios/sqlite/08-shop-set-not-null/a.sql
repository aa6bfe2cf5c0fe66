CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT,
    sku TEXT,
    price NUMERIC
);
CREATE INDEX ix_products_sku ON products (sku);
