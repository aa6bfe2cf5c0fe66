-- +cdb upgrade
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::text;

ALTER TABLE "orders" ALTER COLUMN "currency" SET DEFAULT 'EUR'::bpchar;

ALTER TABLE "orders" ALTER COLUMN "placed_at" SET DEFAULT now();

ALTER TABLE "orders" ALTER COLUMN "qty" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "note" DROP DEFAULT;


-- +cdb downgrade
ALTER TABLE "orders" ALTER COLUMN "note" SET DEFAULT ''::text;

ALTER TABLE "orders" ALTER COLUMN "qty" SET DEFAULT 1;

ALTER TABLE "orders" ALTER COLUMN "placed_at" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "currency" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new'::text;

