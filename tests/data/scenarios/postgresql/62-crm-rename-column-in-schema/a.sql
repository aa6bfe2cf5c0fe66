CREATE SCHEMA crm;
CREATE TABLE crm.accounts (
    id integer PRIMARY KEY,
    nm text NOT NULL
);
CREATE INDEX ix_accounts_nm ON crm.accounts (nm);
COMMENT ON COLUMN crm.accounts.nm IS 'display name';
CREATE VIEW crm.account_names AS SELECT id, nm FROM crm.accounts;
