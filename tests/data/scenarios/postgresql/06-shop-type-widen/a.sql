CREATE TABLE products (
    id integer PRIMARY KEY,
    name varchar(40) NOT NULL,
    stock integer NOT NULL DEFAULT 0,
    price numeric(8,2),
    weight real,
    notes varchar(500)
);
CREATE INDEX ix_products_stock ON products (stock);
