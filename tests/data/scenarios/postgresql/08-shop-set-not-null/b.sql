CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    sku varchar(20) NOT NULL,
    price numeric
);
