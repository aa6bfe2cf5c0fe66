CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    company_code TEXT REFERENCES companies (code) ON UPDATE CASCADE,
    name TEXT NOT NULL
);
CREATE INDEX ix_contacts_company ON contacts (company_code);
