CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    code TEXT NOT NULL,
    email TEXT,
    UNIQUE (code, company_id),
    UNIQUE (company_id, email)
);
