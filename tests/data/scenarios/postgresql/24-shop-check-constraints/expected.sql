-- +cdb upgrade
ALTER TABLE "items" DROP CONSTRAINT "ck_discount";

ALTER TABLE "items" DROP CONSTRAINT "items_name_check";

ALTER TABLE "items" ADD CONSTRAINT "ck_discount" CHECK (discount >= 0::numeric AND discount < price);

ALTER TABLE "items" ADD CONSTRAINT "ck_price_positive" CHECK (price > 0::numeric);

ALTER TABLE "items" ADD CONSTRAINT "items_qty_check" CHECK (qty > 0);


-- +cdb downgrade
ALTER TABLE "items" DROP CONSTRAINT "items_qty_check";

ALTER TABLE "items" DROP CONSTRAINT "ck_price_positive";

ALTER TABLE "items" DROP CONSTRAINT "ck_discount";

ALTER TABLE "items" ADD CONSTRAINT "items_name_check" CHECK (length(name) <= 20);

ALTER TABLE "items" ADD CONSTRAINT "ck_discount" CHECK (discount >= 0::numeric);

