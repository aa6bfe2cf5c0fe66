CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name VARCHAR(40) NOT NULL,
    price REAL,
    stock INT NOT NULL DEFAULT 0,
    notes TEXT
);
CREATE INDEX ix_products_stock ON products (stock);
