CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text
);
CREATE INDEX ix_contacts_email ON contacts (email);
CREATE VIEW contact_names AS SELECT id, name FROM contacts;
COMMENT ON TABLE contacts IS 'people and companies we talk to';
COMMENT ON COLUMN contacts.email IS 'primary address; may be null';
COMMENT ON INDEX ix_contacts_email IS 'lookup by address';
COMMENT ON VIEW contact_names IS 'for autocompletion';
