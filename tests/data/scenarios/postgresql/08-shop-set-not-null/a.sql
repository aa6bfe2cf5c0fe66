CREATE TABLE products (
    id integer PRIMARY KEY,
    name text,
    sku varchar(20),
    price numeric
);
