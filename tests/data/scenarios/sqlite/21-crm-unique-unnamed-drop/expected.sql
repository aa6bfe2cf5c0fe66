-- +cdb upgrade
-- rebuild table 'contacts' (drop unique constraint (phone) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE,
    phone TEXT
);
INSERT INTO "_cdb_new_contacts" ("id", "email", "phone") SELECT "id", "email", "phone" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";


-- +cdb downgrade
-- rebuild table 'contacts' (add unique constraint (phone) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE,
    phone TEXT UNIQUE
);
INSERT INTO "_cdb_new_contacts" ("id", "email", "phone") SELECT "id", "email", "phone" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";

