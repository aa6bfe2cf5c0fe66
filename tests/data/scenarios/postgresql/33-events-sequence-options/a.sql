CREATE SEQUENCE invoice_no_seq AS bigint START 1;
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    number integer NOT NULL DEFAULT nextval('invoice_no_seq')
);
