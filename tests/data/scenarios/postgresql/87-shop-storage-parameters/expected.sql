-- +cdb upgrade
CREATE TABLE "price_history" (
    "product_id" integer NOT NULL,
    "price" numeric(10,2) NOT NULL,
    "since" date NOT NULL,
    "comment" text,
    CONSTRAINT "price_history_product_id_fkey" FOREIGN KEY (product_id) REFERENCES products(id)
) WITH ("autovacuum_analyze_threshold" = '100', "fillfactor" = '50', "toast"."autovacuum_enabled" = 'true');

ALTER TABLE "orders" RESET ("autovacuum_enabled");
ALTER TABLE "orders" SET ("fillfactor" = '60');

ALTER TABLE "products" SET ("fillfactor" = '70');

ALTER TABLE "stock" RESET ("fillfactor");
ALTER TABLE "stock" SET ("autovacuum_vacuum_scale_factor" = '0.05');


-- +cdb downgrade
ALTER TABLE "stock" RESET ("autovacuum_vacuum_scale_factor");
ALTER TABLE "stock" SET ("fillfactor" = '90');

ALTER TABLE "products" RESET ("fillfactor");

ALTER TABLE "orders" SET ("autovacuum_enabled" = 'false', "fillfactor" = '80');

-- cdb: destructive: drops table 'public.price_history' and its rows
DROP TABLE "price_history";

