CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    fullname TEXT NOT NULL,
    mail TEXT
);
CREATE INDEX ix_customers_mail ON customers (mail);
