-- +cdb upgrade
-- rebuild table 'orders' (alter column 'orders.status' (default); alter column 'orders.source' (default); alter column 'orders.placed_at' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT,
    source TEXT NOT NULL,
    placed_at TEXT
);
INSERT INTO "_cdb_new_orders" ("id", "status", "source", "placed_at") SELECT "id", "status", "source", "placed_at" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";


-- +cdb downgrade
-- rebuild table 'orders' (alter column 'orders.placed_at' (default); alter column 'orders.source' (default); alter column 'orders.status' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT DEFAULT 'new',
    source TEXT NOT NULL DEFAULT 'web',
    placed_at TEXT DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "_cdb_new_orders" ("id", "status", "source", "placed_at") SELECT "id", "status", "source", "placed_at" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";

