-- +cdb upgrade
-- rebuild table 'contacts' (add unique constraint 'uq_contacts_email' (email) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    CONSTRAINT uq_contacts_email UNIQUE (email)
);
INSERT INTO "_cdb_new_contacts" ("id", "name", "email") SELECT "id", "name", "email" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";


-- +cdb downgrade
-- rebuild table 'contacts' (drop unique constraint 'uq_contacts_email' (email) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT
);
INSERT INTO "_cdb_new_contacts" ("id", "name", "email") SELECT "id", "name", "email" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";

