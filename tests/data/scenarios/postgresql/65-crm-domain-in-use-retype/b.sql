CREATE SCHEMA billing;
CREATE DOMAIN nickname AS varchar(40) COLLATE "C";
CREATE DOMAIN amount AS numeric(12,2) DEFAULT 0 CONSTRAINT amount_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN zip AS integer;
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    nick nickname NOT NULL DEFAULT 'anon',
    balance amount,
    postcode zip,
    CONSTRAINT contacts_nick_not_admin CHECK (nick <> 'admin'::nickname)
);
CREATE TABLE billing.invoices (
    id integer PRIMARY KEY,
    payer nickname,
    total amount NOT NULL,
    tags nickname[]
);
CREATE INDEX ix_invoices_payer ON billing.invoices (payer);
CREATE VIEW contact_names AS SELECT id, nick, postcode FROM contacts;
CREATE VIEW billing.big_invoices AS SELECT id, payer, total FROM billing.invoices WHERE total > 100;
CREATE MATERIALIZED VIEW billing.payer_totals AS SELECT payer, sum(total) AS total FROM billing.invoices GROUP BY payer;
CREATE INDEX ix_payer_totals_payer ON billing.payer_totals (payer);
