CREATE TABLE clients (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX ix_clients_name ON clients (name);
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    client_id integer REFERENCES clients (id),
    total numeric
);
