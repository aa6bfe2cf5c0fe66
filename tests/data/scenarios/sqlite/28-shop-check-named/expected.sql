-- +cdb upgrade
-- rebuild table 'items' (drop check constraint 'ck_name_len' (length(name) <= 20) on 'items'; add check constraint 'ck_price_positive' (price > 0) on 'items'; add check constraint 'ck_qty_range' (qty BETWEEN 1 AND 999) on 'items')
CREATE TABLE "_cdb_new_items" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price NUMERIC NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ck_price_positive CHECK (price > 0),
    CONSTRAINT ck_qty_range CHECK (qty BETWEEN 1 AND 999)
);
INSERT INTO "_cdb_new_items" ("id", "name", "price", "qty") SELECT "id", "name", "price", "qty" FROM "items";
DROP TABLE "items";
ALTER TABLE "_cdb_new_items" RENAME TO "items";


-- +cdb downgrade
-- rebuild table 'items' (drop check constraint 'ck_qty_range' (qty BETWEEN 1 AND 999) on 'items'; drop check constraint 'ck_price_positive' (price > 0) on 'items'; add check constraint 'ck_name_len' (length(name) <= 20) on 'items')
CREATE TABLE "_cdb_new_items" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price NUMERIC NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ck_name_len CHECK (length(name) <= 20)
);
INSERT INTO "_cdb_new_items" ("id", "name", "price", "qty") SELECT "id", "name", "price", "qty" FROM "items";
DROP TABLE "items";
ALTER TABLE "_cdb_new_items" RENAME TO "items";

