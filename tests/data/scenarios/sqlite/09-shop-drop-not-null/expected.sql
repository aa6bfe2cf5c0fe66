-- +cdb upgrade
-- rebuild table 'orders' (alter column 'orders.note' (nullable); alter column 'orders.shipped_at' (nullable))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    note TEXT,
    shipped_at TEXT,
    status TEXT NOT NULL DEFAULT 'new'
);
INSERT INTO "_cdb_new_orders" ("id", "customer", "note", "shipped_at", "status") SELECT "id", "customer", "note", "shipped_at", "status" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";


-- +cdb downgrade
-- rebuild table 'orders' (alter column 'orders.shipped_at' (nullable); alter column 'orders.note' (nullable))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    note TEXT NOT NULL,
    shipped_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new'
);
INSERT INTO "_cdb_new_orders" ("id", "customer", "note", "shipped_at", "status") SELECT "id", "customer", "note", "shipped_at", "status" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";

