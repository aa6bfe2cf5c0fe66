-- +cdb upgrade
-- rebuild table 'orders' (alter column 'orders.status' (default); alter column 'orders.qty' (default); alter column 'orders.created_at' (default); alter column 'orders.rate' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT DEFAULT 'new',
    qty INTEGER DEFAULT 1,
    created_at TEXT DEFAULT (datetime('now')),
    rate REAL DEFAULT 0.5
);
INSERT INTO "_cdb_new_orders" ("id", "status", "qty", "created_at", "rate") SELECT "id", "status", "qty", "created_at", "rate" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";


-- +cdb downgrade
-- rebuild table 'orders' (alter column 'orders.rate' (default); alter column 'orders.created_at' (default); alter column 'orders.qty' (default); alter column 'orders.status' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT,
    qty INTEGER,
    created_at TEXT,
    rate REAL
);
INSERT INTO "_cdb_new_orders" ("id", "status", "qty", "created_at", "rate") SELECT "id", "status", "qty", "created_at", "rate" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";

