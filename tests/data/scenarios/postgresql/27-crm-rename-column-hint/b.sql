-- cdb: rename column customers.mail to email
-- cdb: rename column customers.fullname to name
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text,
    CONSTRAINT ck_customers_mail CHECK (email LIKE '%@%')
);
CREATE INDEX ix_customers_mail ON customers (email);
