-- cdb: rename column companies.code to ref
-- cdb: rename column contacts.company_code to company_ref
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    company_ref TEXT REFERENCES companies (ref) ON UPDATE CASCADE,
    name TEXT NOT NULL
);
CREATE INDEX ix_contacts_company ON contacts (company_ref);
