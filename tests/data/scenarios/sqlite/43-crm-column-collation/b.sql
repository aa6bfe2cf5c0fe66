CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    code TEXT
);
CREATE INDEX ix_contacts_name ON contacts (name);
