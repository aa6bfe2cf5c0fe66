CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    price NUMERIC(10,2),
    stock BIGINT NOT NULL DEFAULT 0,
    notes CLOB
);
CREATE INDEX ix_products_stock ON products (stock);
