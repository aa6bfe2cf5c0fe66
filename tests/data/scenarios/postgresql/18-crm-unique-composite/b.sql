CREATE TABLE companies (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    company_id integer NOT NULL REFERENCES companies (id),
    code text NOT NULL,
    email text,
    CONSTRAINT uq_contacts_code UNIQUE (code, company_id),
    UNIQUE (company_id, email)
);
