-- cdb: rename column customers.mail to email
-- cdb: rename column customers.fullname to name
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT
);
CREATE INDEX ix_customers_mail ON customers (email);
