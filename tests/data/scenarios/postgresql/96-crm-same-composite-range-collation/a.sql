CREATE SCHEMA billing;
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION billing.byte_order (provider = libc, locale = 'C');
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE billing.textrange AS RANGE (subtype = text, collation = billing.byte_order);
CREATE TYPE address AS (street text, city varchar(60) COLLATE case_insensitive);
CREATE TYPE billing.invoice_line AS (item text COLLATE billing.byte_order, qty integer, ship_to address, valid floatrange);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text COLLATE case_insensitive NOT NULL,
    home address,
    span floatrange
);
CREATE INDEX contacts_name_c ON contacts (name COLLATE "C");
CREATE TABLE billing.invoices (
    id integer PRIMARY KEY,
    lines billing.invoice_line[],
    codes billing.textrange
);
COMMENT ON COLLATION case_insensitive IS 'case-insensitive comparison';
COMMENT ON TYPE floatrange IS 'a span of floats';
COMMENT ON TYPE billing.invoice_line IS 'one line';
