CREATE SCHEMA billing;
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE billing.invoices (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    total numeric(10,2) NOT NULL
);
