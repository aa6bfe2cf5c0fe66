-- +cdb upgrade
-- cdb: destructive: removes label 'legacy' from type 'tier'; rows that hold it fail to convert
DROP VIEW "pro_accounts";
ALTER TYPE "tier" RENAME TO "tier__cdb_old";
ALTER DOMAIN "paid_tier" RENAME TO "paid_tier__cdb_old";
ALTER DOMAIN "billed_tier" RENAME TO "billed_tier__cdb_old";
CREATE TYPE "tier" AS ENUM ('free', 'pro', 'team');
CREATE DOMAIN "paid_tier" AS tier CONSTRAINT "paid_tier_not_free" CHECK ((VALUE <> 'free'::tier));
CREATE DOMAIN "billed_tier" AS paid_tier DEFAULT 'pro'::tier;
COMMENT ON DOMAIN "billed_tier" IS 'a tier that is billed';
ALTER TABLE "accounts" ALTER COLUMN "plan" TYPE billed_tier USING "plan"::text::billed_tier;
ALTER TABLE "accounts" ALTER COLUMN "history" TYPE billed_tier[] USING "history"::text[]::billed_tier[];
ALTER TABLE "accounts" ALTER COLUMN "base" TYPE paid_tier USING "base"::text::paid_tier;
DROP DOMAIN "billed_tier__cdb_old";
DROP DOMAIN "paid_tier__cdb_old";
DROP TYPE "tier__cdb_old";
CREATE VIEW "pro_accounts" AS
SELECT accounts.id,
    accounts.plan
   FROM accounts
  WHERE accounts.plan::tier = 'pro'::tier;


-- +cdb downgrade
DROP VIEW "pro_accounts";
ALTER TYPE "tier" RENAME TO "tier__cdb_old";
ALTER DOMAIN "paid_tier" RENAME TO "paid_tier__cdb_old";
ALTER DOMAIN "billed_tier" RENAME TO "billed_tier__cdb_old";
CREATE TYPE "tier" AS ENUM ('free', 'pro', 'team', 'legacy');
CREATE DOMAIN "paid_tier" AS tier CONSTRAINT "paid_tier_not_free" CHECK ((VALUE <> 'free'::tier));
CREATE DOMAIN "billed_tier" AS paid_tier DEFAULT 'pro'::tier;
COMMENT ON DOMAIN "billed_tier" IS 'a tier that is billed';
ALTER TABLE "accounts" ALTER COLUMN "plan" TYPE billed_tier USING "plan"::text::billed_tier;
ALTER TABLE "accounts" ALTER COLUMN "history" TYPE billed_tier[] USING "history"::text[]::billed_tier[];
ALTER TABLE "accounts" ALTER COLUMN "base" TYPE paid_tier USING "base"::text::paid_tier;
DROP DOMAIN "billed_tier__cdb_old";
DROP DOMAIN "paid_tier__cdb_old";
DROP TYPE "tier__cdb_old";
CREATE VIEW "pro_accounts" AS
SELECT accounts.id,
    accounts.plan
   FROM accounts
  WHERE accounts.plan::tier = 'pro'::tier;

