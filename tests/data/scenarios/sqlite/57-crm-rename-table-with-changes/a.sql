CREATE TABLE old_things (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_things_name ON old_things (name);
CREATE VIEW thing_stock AS SELECT id, name, qty FROM old_things;
