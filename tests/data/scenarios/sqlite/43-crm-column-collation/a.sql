CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT COLLATE RTRIM
);
CREATE INDEX ix_contacts_name ON contacts (name);
