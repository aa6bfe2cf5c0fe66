-- +cdb upgrade
-- rebuild table 'deals' (add column 'deals.owner_id'; add foreign key (contact_id) -> 'contacts' on 'deals'; add foreign key (owner_id) -> 'users' on 'deals')
CREATE TABLE "_cdb_new_deals" (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    amount NUMERIC,
    owner_id INTEGER REFERENCES users (id)
);
INSERT INTO "_cdb_new_deals" ("id", "contact_id", "amount") SELECT "id", "contact_id", "amount" FROM "deals";
DROP TABLE "deals";
ALTER TABLE "_cdb_new_deals" RENAME TO "deals";


-- +cdb downgrade
-- cdb: destructive: drops column 'deals.owner_id' and its data
-- rebuild table 'deals' (drop foreign key (owner_id) -> 'users' on 'deals'; drop foreign key (contact_id) -> 'contacts' on 'deals'; drop column 'deals.owner_id')
CREATE TABLE "_cdb_new_deals" (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER,
    amount NUMERIC
);
INSERT INTO "_cdb_new_deals" ("id", "contact_id", "amount") SELECT "id", "contact_id", "amount" FROM "deals";
DROP TABLE "deals";
ALTER TABLE "_cdb_new_deals" RENAME TO "deals";

