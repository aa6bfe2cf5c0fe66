-- +cdb upgrade
DROP VIEW "stock_levels";

DROP INDEX "ix_items_label";

ALTER TABLE "stock_items" RENAME TO "inventory";

ALTER TABLE "inventory" DROP CONSTRAINT "stock_items_pkey";

ALTER TABLE "inventory" DROP CONSTRAINT "stock_items_qty_check";

ALTER TABLE "inventory" ADD COLUMN "bin" text;

ALTER TABLE "inventory" ALTER COLUMN "label" TYPE character varying(80) USING "label"::character varying;

ALTER TABLE "inventory" ALTER COLUMN "qty" SET DEFAULT 0;

ALTER TABLE "inventory" ADD CONSTRAINT "inventory_pkey" PRIMARY KEY (id);

ALTER TABLE "inventory" ADD CONSTRAINT "inventory_label_bin_key" UNIQUE (label, bin);

ALTER TABLE "inventory" ADD CONSTRAINT "inventory_qty_check" CHECK (qty >= 0 AND qty < 100000);

CREATE INDEX ix_items_label ON public.inventory USING btree (lower((label)::text));

CREATE VIEW "stock_levels" AS
SELECT inventory.id,
    inventory.label,
    inventory.qty
   FROM inventory;

COMMENT ON TABLE "inventory" IS 'what the shop keeps, by bin';

COMMENT ON COLUMN "inventory"."bin" IS 'shelf code';


-- +cdb downgrade
COMMENT ON COLUMN "inventory"."bin" IS NULL;

COMMENT ON TABLE "inventory" IS 'what the shop keeps';

DROP VIEW "stock_levels";

DROP INDEX "ix_items_label";

ALTER TABLE "inventory" DROP CONSTRAINT "inventory_qty_check";

ALTER TABLE "inventory" DROP CONSTRAINT "inventory_label_bin_key";

ALTER TABLE "inventory" DROP CONSTRAINT "inventory_pkey";

ALTER TABLE "inventory" ALTER COLUMN "qty" DROP DEFAULT;

-- cdb: destructive: changes column 'public.stock_items.label' from character varying(80) to character varying(40), which may truncate or fail to convert values
ALTER TABLE "inventory" ALTER COLUMN "label" TYPE character varying(40) USING "label"::character varying;

-- cdb: destructive: drops column 'public.inventory.bin' and its data
ALTER TABLE "inventory" DROP COLUMN "bin";

ALTER TABLE "inventory" ADD CONSTRAINT "stock_items_qty_check" CHECK (qty >= 0);

ALTER TABLE "inventory" ADD CONSTRAINT "stock_items_pkey" PRIMARY KEY (id);

ALTER TABLE "inventory" RENAME TO "stock_items";

CREATE INDEX ix_items_label ON public.stock_items USING btree (label);

CREATE VIEW "stock_levels" AS
SELECT stock_items.id,
    stock_items.label,
    stock_items.qty
   FROM stock_items;

