-- +cdb upgrade
ALTER TABLE "products" ALTER COLUMN "name" SET NOT NULL;

ALTER TABLE "products" ALTER COLUMN "sku" SET NOT NULL;


-- +cdb downgrade
ALTER TABLE "products" ALTER COLUMN "sku" DROP NOT NULL;

ALTER TABLE "products" ALTER COLUMN "name" DROP NOT NULL;

