-- cdb: rename table clients to customers
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE INDEX ix_clients_name ON customers (name);
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES customers (id),
    total NUMERIC
);
