CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    mail TEXT,
    "full name" TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_contacts_mail ON contacts (mail);
CREATE UNIQUE INDEX ux_contacts_mail_lower ON contacts (lower(mail)) WHERE mail IS NOT NULL;
CREATE INDEX ix_contacts_name ON contacts ("full name" COLLATE NOCASE DESC, mail);
