-- +cdb upgrade
-- rebuild table 'contacts' (alter column 'contacts.name' (collation); alter column 'contacts.code' (collation))
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    code TEXT
);
INSERT INTO "_cdb_new_contacts" ("id", "name", "code") SELECT "id", "name", "code" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";
CREATE INDEX ix_contacts_name ON contacts (name);


-- +cdb downgrade
-- rebuild table 'contacts' (alter column 'contacts.code' (collation); alter column 'contacts.name' (collation))
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT COLLATE RTRIM
);
INSERT INTO "_cdb_new_contacts" ("id", "name", "code") SELECT "id", "name", "code" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";
CREATE INDEX ix_contacts_name ON contacts (name);

