CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE INDEX ix_clients_name ON clients (name);
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES clients (id),
    total NUMERIC
);
