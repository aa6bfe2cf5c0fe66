-- cdb: rename table old_things to new_things
CREATE TABLE new_things (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
    sku TEXT,
    UNIQUE (name, sku)
);
CREATE INDEX ix_things_name ON new_things (name, qty);
CREATE VIEW thing_stock AS SELECT id, name, qty FROM new_things;
