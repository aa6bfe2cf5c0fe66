-- +cdb upgrade
ALTER TABLE "companies" RENAME COLUMN "code" TO "ref";
-- rebuild table 'contacts' (drop foreign key (company_code) -> 'companies' on 'contacts'; rename column 'contacts.company_code' to 'company_ref'; add foreign key (company_ref) -> 'companies' on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    company_ref TEXT REFERENCES companies (ref) ON UPDATE CASCADE,
    name TEXT NOT NULL
);
INSERT INTO "_cdb_new_contacts" ("id", "company_ref", "name") SELECT "id", "company_code", "name" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";
CREATE INDEX ix_contacts_company ON contacts (company_ref);


-- +cdb downgrade
-- rebuild table 'contacts' (drop foreign key (company_ref) -> 'companies' on 'contacts'; rename column 'contacts.company_ref' to 'company_code'; add foreign key (company_code) -> 'companies' on 'contacts')
CREATE TABLE "_cdb_new_contacts" (
    id INTEGER PRIMARY KEY,
    company_code TEXT REFERENCES companies (code) ON UPDATE CASCADE,
    name TEXT NOT NULL
);
INSERT INTO "_cdb_new_contacts" ("id", "company_code", "name") SELECT "id", "company_ref", "name" FROM "contacts";
DROP TABLE "contacts";
ALTER TABLE "_cdb_new_contacts" RENAME TO "contacts";
CREATE INDEX ix_contacts_company ON contacts (company_code);
ALTER TABLE "companies" RENAME COLUMN "ref" TO "code";

