-- cdb: rename column contacts.mail to email
-- cdb: rename column contacts."full name" to display_name
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    email TEXT,
    display_name TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_contacts_mail ON contacts (email);
CREATE UNIQUE INDEX ux_contacts_mail_lower ON contacts (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX ix_contacts_name ON contacts (display_name COLLATE NOCASE DESC, email);
