CREATE SEQUENCE invoice_no_seq AS integer INCREMENT 5 MINVALUE 1 MAXVALUE 99999 START 1 CYCLE;
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    number integer NOT NULL DEFAULT nextval('invoice_no_seq')
);
