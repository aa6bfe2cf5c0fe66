-- +cdb upgrade
CREATE TABLE "orders_other" PARTITION OF "orders" DEFAULT;

ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE "orders_eu" ADD CONSTRAINT "orders_eu_total_check" CHECK (total >= 0::numeric);

CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);

CREATE INDEX orders_us_total_idx ON public.orders_us USING btree (total);


-- +cdb downgrade
DROP INDEX "orders_us_total_idx";

DROP INDEX "orders_customer_idx";

ALTER TABLE "orders_eu" DROP CONSTRAINT "orders_eu_total_check";

ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_id_fkey";

-- cdb: destructive: drops table 'public.orders_other' and its rows
DROP TABLE "orders_other";

