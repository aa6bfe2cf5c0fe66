CREATE TABLE products (
    id integer PRIMARY KEY,
    name varchar(120) NOT NULL,
    stock bigint NOT NULL DEFAULT 0,
    price numeric(12,2),
    weight double precision,
    notes text
);
CREATE INDEX ix_products_stock ON products (stock);
