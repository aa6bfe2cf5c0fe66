-- cdb: rename table clients to customers
CREATE TABLE customers (
    id integer,
    name text NOT NULL,
    CONSTRAINT clients_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_clients_name ON customers (name);
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    client_id integer CONSTRAINT invoices_client_id_fkey REFERENCES customers (id),
    total numeric
);
