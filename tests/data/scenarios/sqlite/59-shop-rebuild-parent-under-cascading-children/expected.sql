-- +cdb upgrade
-- cdb: destructive: changes column 'customers.tier' from INTEGER to TEXT, which may truncate or fail to convert values
-- rebuild table 'customers' (alter column 'customers.tier' (type); add check constraint (name <> '') on 'customers')
CREATE TABLE "_cdb_new_customers" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    tier TEXT
);
INSERT INTO "_cdb_new_customers" ("id", "name", "tier") SELECT "id", "name", "tier" FROM "customers";
DROP TABLE "customers";
ALTER TABLE "_cdb_new_customers" RENAME TO "customers";


-- +cdb downgrade
-- cdb: destructive: changes column 'customers.tier' from TEXT to INTEGER, which may truncate or fail to convert values
-- rebuild table 'customers' (drop check constraint (name <> '') on 'customers'; alter column 'customers.tier' (type))
CREATE TABLE "_cdb_new_customers" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    tier INTEGER
);
INSERT INTO "_cdb_new_customers" ("id", "name", "tier") SELECT "id", "name", "tier" FROM "customers";
DROP TABLE "customers";
ALTER TABLE "_cdb_new_customers" RENAME TO "customers";

