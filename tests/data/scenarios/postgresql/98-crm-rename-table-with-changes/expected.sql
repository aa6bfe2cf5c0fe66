-- +cdb upgrade
DROP VIEW "crm"."thing_stock";

DROP INDEX "crm"."ix_things_name";

ALTER TABLE "crm"."old_things" RENAME TO "new_things";

ALTER TABLE "crm"."new_things" DROP CONSTRAINT "old_things_pkey";

ALTER TABLE "crm"."new_things" ADD COLUMN "sku" text;

ALTER TABLE "crm"."new_things" ADD CONSTRAINT "new_things_pkey" PRIMARY KEY (id);

ALTER TABLE "crm"."new_things" ADD CONSTRAINT "new_things_sku_key" UNIQUE (sku);

ALTER TABLE "crm"."new_things" ADD CONSTRAINT "new_things_qty_check" CHECK (qty >= 0);

CREATE INDEX ix_things_name ON crm.new_things USING btree (name, qty);

CREATE VIEW "crm"."thing_stock" AS
SELECT new_things.id,
    new_things.name,
    new_things.qty
   FROM crm.new_things;


-- +cdb downgrade
DROP VIEW "crm"."thing_stock";

DROP INDEX "crm"."ix_things_name";

ALTER TABLE "crm"."new_things" DROP CONSTRAINT "new_things_qty_check";

ALTER TABLE "crm"."new_things" DROP CONSTRAINT "new_things_sku_key";

ALTER TABLE "crm"."new_things" DROP CONSTRAINT "new_things_pkey";

-- cdb: destructive: drops column 'crm.new_things.sku' and its data
ALTER TABLE "crm"."new_things" DROP COLUMN "sku";

ALTER TABLE "crm"."new_things" ADD CONSTRAINT "old_things_pkey" PRIMARY KEY (id);

ALTER TABLE "crm"."new_things" RENAME TO "old_things";

CREATE INDEX ix_things_name ON crm.old_things USING btree (name);

CREATE VIEW "crm"."thing_stock" AS
SELECT old_things.id,
    old_things.name,
    old_things.qty
   FROM crm.old_things;

