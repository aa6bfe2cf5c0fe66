-- +cdb upgrade
DROP VIEW "thing_stock";
DROP INDEX "ix_things_name";
ALTER TABLE "old_things" RENAME TO "new_things";
-- rebuild table 'new_things' (add column 'new_things.sku'; add unique constraint (name, sku) on 'new_things'; add check constraint (qty >= 0) on 'new_things')
CREATE TABLE "_cdb_new_new_things" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
    sku TEXT,
    UNIQUE (name, sku)
);
INSERT INTO "_cdb_new_new_things" ("id", "name", "qty") SELECT "id", "name", "qty" FROM "new_things";
DROP TABLE "new_things";
ALTER TABLE "_cdb_new_new_things" RENAME TO "new_things";
CREATE INDEX ix_things_name ON new_things (name, qty);
CREATE VIEW thing_stock AS SELECT id, name, qty FROM new_things;


-- +cdb downgrade
DROP VIEW "thing_stock";
DROP INDEX "ix_things_name";
-- cdb: destructive: drops column 'new_things.sku' and its data
-- rebuild table 'old_things' (drop check constraint (qty >= 0) on 'old_things'; drop unique constraint (name, sku) on 'old_things'; drop column 'old_things.sku')
CREATE TABLE "_cdb_new_old_things" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "_cdb_new_old_things" ("id", "name", "qty") SELECT "id", "name", "qty" FROM "new_things";
DROP TABLE "new_things";
ALTER TABLE "_cdb_new_old_things" RENAME TO "old_things";
CREATE INDEX ix_things_name ON old_things (name);
CREATE VIEW thing_stock AS SELECT id, name, qty FROM old_things;

