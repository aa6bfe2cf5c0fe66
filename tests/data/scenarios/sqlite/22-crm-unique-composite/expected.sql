-- +cdb upgrade
-- rebuild table 'contacts' (drop unique constraint (company_id, code) on 'contacts'; add unique constraint (code, company_id) on 'contacts'; add unique constraint (company_id, email) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    code TEXT NOT NULL,
    email TEXT,
    UNIQUE (code, company_id),
    UNIQUE (company_id, email)
);
INSERT INTO "_cdb_new_contacts" ("id", "company_id", "code", "email") SELECT "id", "company_id", "code", "email" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";


-- +cdb downgrade
-- rebuild table 'contacts' (drop unique constraint (company_id, email) on 'contacts'; drop unique constraint (code, company_id) on 'contacts'; add unique constraint (company_id, code) on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    code TEXT NOT NULL,
    email TEXT,
    UNIQUE (company_id, code)
);
INSERT INTO "_cdb_new_contacts" ("id", "company_id", "code", "email") SELECT "id", "company_id", "code", "email" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";

