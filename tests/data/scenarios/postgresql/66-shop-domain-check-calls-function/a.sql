CREATE DOMAIN sku AS text;
CREATE DOMAIN quantity AS smallint;
CREATE TABLE products (
    id integer PRIMARY KEY,
    code sku NOT NULL,
    qty quantity
);
