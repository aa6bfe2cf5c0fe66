-- +cdb upgrade
ALTER TABLE "orders" ALTER COLUMN "note" DROP NOT NULL;

ALTER TABLE "orders" ALTER COLUMN "shipped_at" DROP NOT NULL;


-- +cdb downgrade
ALTER TABLE "orders" ALTER COLUMN "shipped_at" SET NOT NULL;

ALTER TABLE "orders" ALTER COLUMN "note" SET NOT NULL;

