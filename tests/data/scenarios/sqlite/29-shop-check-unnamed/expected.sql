-- +cdb upgrade
-- rebuild table 'items' (drop check constraint (status IN ('a', 'b')) on 'items'; add check constraint (discount < price) on 'items'; add check constraint (status IN ('a', 'b', 'c')) on 'items')
CREATE TABLE "_cdb_new_items" (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('a', 'b', 'c')),
    price NUMERIC NOT NULL,
    discount NUMERIC NOT NULL DEFAULT 0,
    CHECK (discount < price)
);
INSERT INTO "_cdb_new_items" ("id", "status", "price", "discount") SELECT "id", "status", "price", "discount" FROM "items";
DROP TABLE "items";
ALTER TABLE "_cdb_new_items" RENAME TO "items";


-- +cdb downgrade
-- rebuild table 'items' (drop check constraint (status IN ('a', 'b', 'c')) on 'items'; drop check constraint (discount < price) on 'items'; add check constraint (status IN ('a', 'b')) on 'items')
CREATE TABLE "_cdb_new_items" (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('a', 'b')),
    price NUMERIC NOT NULL,
    discount NUMERIC NOT NULL DEFAULT 0
);
INSERT INTO "_cdb_new_items" ("id", "status", "price", "discount") SELECT "id", "status", "price", "discount" FROM "items";
DROP TABLE "items";
ALTER TABLE "_cdb_new_items" RENAME TO "items";

