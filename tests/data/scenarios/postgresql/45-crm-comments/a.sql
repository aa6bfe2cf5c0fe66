CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text
);
CREATE INDEX ix_contacts_email ON contacts (email);
CREATE VIEW contact_names AS SELECT id, name FROM contacts;
COMMENT ON TABLE contacts IS 'people we talk to';
COMMENT ON COLUMN contacts.name IS 'full name';
