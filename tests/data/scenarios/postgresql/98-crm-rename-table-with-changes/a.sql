CREATE SCHEMA crm;
CREATE TABLE crm.old_things (
    id integer PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_things_name ON crm.old_things (name);
CREATE VIEW crm.thing_stock AS SELECT id, name, qty FROM crm.old_things;
