-- cdb: rename column crm.accounts.nm to name
CREATE SCHEMA crm;
CREATE TABLE crm.accounts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    tier text
);
CREATE INDEX ix_accounts_nm ON crm.accounts (name);
COMMENT ON COLUMN crm.accounts.name IS 'display name';
CREATE VIEW crm.account_names AS SELECT id, name AS nm FROM crm.accounts;
