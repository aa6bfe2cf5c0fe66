-- +cdb upgrade
-- rebuild table 'regions' (alter table 'regions' (without rowid))
CREATE TABLE "_cdb_new_regions" (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "_cdb_new_regions" ("code", "name") SELECT "code", "name" FROM "regions";
DROP TABLE "regions";
ALTER TABLE "_cdb_new_regions" RENAME TO "regions";


-- +cdb downgrade
-- rebuild table 'regions' (alter table 'regions' (without rowid))
CREATE TABLE "_cdb_new_regions" (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL
);
INSERT INTO "_cdb_new_regions" ("code", "name") SELECT "code", "name" FROM "regions";
DROP TABLE "regions";
ALTER TABLE "_cdb_new_regions" RENAME TO "regions";

