-- +cdb upgrade
DROP VIEW "crm"."account_names";

ALTER TABLE "crm"."accounts" RENAME COLUMN "nm" TO "name";

ALTER TABLE "crm"."accounts" ADD COLUMN "tier" text;

CREATE VIEW "crm"."account_names" AS
SELECT accounts.id,
    accounts.name AS nm
   FROM crm.accounts;


-- +cdb downgrade
DROP VIEW "crm"."account_names";

-- cdb: destructive: drops column 'crm.accounts.tier' and its data
ALTER TABLE "crm"."accounts" DROP COLUMN "tier";

ALTER TABLE "crm"."accounts" RENAME COLUMN "name" TO "nm";

CREATE VIEW "crm"."account_names" AS
SELECT accounts.id,
    accounts.nm
   FROM crm.accounts;

