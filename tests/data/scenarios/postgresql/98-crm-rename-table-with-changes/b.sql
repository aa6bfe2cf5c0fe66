-- cdb: rename table crm.old_things to new_things
CREATE SCHEMA crm;
CREATE TABLE crm.new_things (
    id integer PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
    sku text UNIQUE
);
CREATE INDEX ix_things_name ON crm.new_things (name, qty);
CREATE VIEW crm.thing_stock AS SELECT id, name, qty FROM crm.new_things;
