CREATE SCHEMA billing;
CREATE SCHEMA reporting;
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE billing.invoices (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    total numeric(10,2) NOT NULL,
    paid_at timestamptz
);
CREATE INDEX ix_invoices_unpaid ON billing.invoices (customer_id) WHERE paid_at IS NULL;
CREATE TABLE billing.payments (
    id integer PRIMARY KEY,
    invoice_id integer NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    amount numeric(10,2) NOT NULL CHECK (amount > 0)
);
CREATE VIEW reporting.customer_totals AS
    SELECT c.id, c.name, coalesce(sum(i.total), 0) AS billed
    FROM customers c LEFT JOIN billing.invoices i ON i.customer_id = c.id
    GROUP BY c.id, c.name;
