-- +cdb upgrade
-- rebuild table 'orders' (alter column 'orders.status' (default); alter column 'orders.qty' (default); alter column 'orders.currency' (default); alter column 'orders.negative' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'pending',
    qty INTEGER NOT NULL DEFAULT 0,
    currency TEXT DEFAULT 'EUR',
    negative INTEGER DEFAULT -2
);
INSERT INTO "_cdb_new_orders" ("id", "status", "qty", "currency", "negative") SELECT "id", "status", "qty", "currency", "negative" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";


-- +cdb downgrade
-- rebuild table 'orders' (alter column 'orders.negative' (default); alter column 'orders.currency' (default); alter column 'orders.qty' (default); alter column 'orders.status' (default))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'new',
    qty INTEGER NOT NULL DEFAULT 1,
    currency TEXT DEFAULT 'USD',
    negative INTEGER DEFAULT -1
);
INSERT INTO "_cdb_new_orders" ("id", "status", "qty", "currency", "negative") SELECT "id", "status", "qty", "currency", "negative" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";

