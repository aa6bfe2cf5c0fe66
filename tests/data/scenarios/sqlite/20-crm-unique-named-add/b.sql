CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    CONSTRAINT uq_contacts_email UNIQUE (email)
);
