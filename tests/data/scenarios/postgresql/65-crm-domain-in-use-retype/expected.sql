-- +cdb upgrade
DROP INDEX IF EXISTS "billing"."ix_payer_totals_payer";

DROP VIEW "contact_names";

DROP MATERIALIZED VIEW "billing"."payer_totals";

DROP VIEW "billing"."big_invoices";

ALTER DOMAIN "amount" RENAME TO "amount__cdb_old";
CREATE DOMAIN "amount" AS numeric(12,2) DEFAULT 0 CONSTRAINT "amount_not_negative" CHECK ((VALUE >= (0)::numeric));
ALTER TABLE "billing"."invoices" ALTER COLUMN "total" TYPE amount;
ALTER TABLE "contacts" ALTER COLUMN "balance" TYPE amount;
DROP DOMAIN "amount__cdb_old";

ALTER TABLE "contacts" DROP CONSTRAINT "contacts_nick_not_admin";
ALTER DOMAIN "nickname" RENAME TO "nickname__cdb_old";
CREATE DOMAIN "nickname" AS character varying(40) COLLATE "C";
ALTER TABLE "billing"."invoices" ALTER COLUMN "payer" TYPE nickname;
ALTER TABLE "billing"."invoices" ALTER COLUMN "tags" TYPE nickname[];
ALTER TABLE "contacts" ALTER COLUMN "nick" DROP DEFAULT;
ALTER TABLE "contacts" ALTER COLUMN "nick" TYPE nickname;
ALTER TABLE "contacts" ALTER COLUMN "nick" SET DEFAULT 'anon'::character varying;
DROP DOMAIN "nickname__cdb_old";
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_nick_not_admin" CHECK (nick::text <> 'admin'::character varying::nickname::text);

-- cdb: destructive: changes domain 'public.zip' from text to integer, which may truncate or fail to convert the values of the columns using it
ALTER DOMAIN "zip" RENAME TO "zip__cdb_old";
CREATE DOMAIN "zip" AS integer;
ALTER TABLE "contacts" ALTER COLUMN "postcode" TYPE zip USING "postcode"::integer;
DROP DOMAIN "zip__cdb_old";

CREATE VIEW "billing"."big_invoices" AS
SELECT invoices.id,
    invoices.payer,
    invoices.total
   FROM billing.invoices
  WHERE invoices.total::numeric > 100::numeric;

CREATE MATERIALIZED VIEW "billing"."payer_totals" AS
SELECT invoices.payer,
    sum(invoices.total::numeric) AS total
   FROM billing.invoices
  GROUP BY invoices.payer;

CREATE VIEW "contact_names" AS
SELECT contacts.id,
    contacts.nick,
    contacts.postcode
   FROM contacts;

CREATE INDEX ix_payer_totals_payer ON billing.payer_totals USING btree (payer);


-- +cdb downgrade
DROP INDEX IF EXISTS "billing"."ix_payer_totals_payer";

DROP VIEW "contact_names";

DROP MATERIALIZED VIEW "billing"."payer_totals";

DROP VIEW "billing"."big_invoices";

-- cdb: destructive: changes domain 'public.zip' from integer to text, which may truncate or fail to convert the values of the columns using it
ALTER DOMAIN "zip" RENAME TO "zip__cdb_old";
CREATE DOMAIN "zip" AS text;
ALTER TABLE "contacts" ALTER COLUMN "postcode" TYPE zip USING "postcode"::text;
DROP DOMAIN "zip__cdb_old";

-- cdb: destructive: changes domain 'public.nickname' from character varying(40) to character varying(20), which may truncate or fail to convert the values of the columns using it
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_nick_not_admin";
ALTER DOMAIN "nickname" RENAME TO "nickname__cdb_old";
CREATE DOMAIN "nickname" AS character varying(20);
ALTER TABLE "billing"."invoices" ALTER COLUMN "payer" TYPE nickname;
ALTER TABLE "billing"."invoices" ALTER COLUMN "tags" TYPE nickname[];
ALTER TABLE "contacts" ALTER COLUMN "nick" DROP DEFAULT;
ALTER TABLE "contacts" ALTER COLUMN "nick" TYPE nickname;
ALTER TABLE "contacts" ALTER COLUMN "nick" SET DEFAULT 'anon'::character varying;
DROP DOMAIN "nickname__cdb_old";
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_nick_not_admin" CHECK (nick::text <> 'admin'::character varying::nickname::text);

-- cdb: destructive: changes domain 'public.amount' from numeric(12,2) to numeric(8,2), which may truncate or fail to convert the values of the columns using it
ALTER DOMAIN "amount" RENAME TO "amount__cdb_old";
CREATE DOMAIN "amount" AS numeric(8,2) DEFAULT 0 CONSTRAINT "amount_not_negative" CHECK ((VALUE >= (0)::numeric));
ALTER TABLE "billing"."invoices" ALTER COLUMN "total" TYPE amount;
ALTER TABLE "contacts" ALTER COLUMN "balance" TYPE amount;
DROP DOMAIN "amount__cdb_old";

CREATE VIEW "billing"."big_invoices" AS
SELECT invoices.id,
    invoices.payer,
    invoices.total
   FROM billing.invoices
  WHERE invoices.total::numeric > 100::numeric;

CREATE MATERIALIZED VIEW "billing"."payer_totals" AS
SELECT invoices.payer,
    sum(invoices.total::numeric) AS total
   FROM billing.invoices
  GROUP BY invoices.payer;

CREATE VIEW "contact_names" AS
SELECT contacts.id,
    contacts.nick,
    contacts.postcode
   FROM contacts;

CREATE INDEX ix_payer_totals_payer ON billing.payer_totals USING btree (payer);

