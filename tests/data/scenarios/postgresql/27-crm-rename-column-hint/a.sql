CREATE TABLE customers (
    id integer PRIMARY KEY,
    fullname text NOT NULL,
    mail text,
    CONSTRAINT ck_customers_mail CHECK (mail LIKE '%@%')
);
CREATE INDEX ix_customers_mail ON customers (mail);
