-- +cdb upgrade
-- rebuild table 'deals' (drop foreign key (contact_id) -> 'contacts' on 'deals')
CREATE TABLE "_cdb_new_deals" (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER,
    stage_id INTEGER REFERENCES stages (id),
    amount NUMERIC
);
INSERT INTO "_cdb_new_deals" ("id", "contact_id", "stage_id", "amount") SELECT "id", "contact_id", "stage_id", "amount" FROM "deals";
DROP TABLE "deals";
ALTER TABLE "_cdb_new_deals" RENAME TO "deals";


-- +cdb downgrade
-- rebuild table 'deals' (add foreign key (contact_id) -> 'contacts' on 'deals')
CREATE TABLE "_cdb_new_deals" (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts (id),
    stage_id INTEGER REFERENCES stages (id),
    amount NUMERIC
);
INSERT INTO "_cdb_new_deals" ("id", "contact_id", "stage_id", "amount") SELECT "id", "contact_id", "stage_id", "amount" FROM "deals";
DROP TABLE "deals";
ALTER TABLE "_cdb_new_deals" RENAME TO "deals";

