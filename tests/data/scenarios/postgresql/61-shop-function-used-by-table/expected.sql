-- +cdb upgrade
CREATE OR REPLACE FUNCTION public.is_sku(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $function$;

CREATE OR REPLACE FUNCTION public.next_ref()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'R-' || md5(random()::text) $function$;

ALTER TABLE "products" ADD COLUMN "ref" text DEFAULT next_ref() NOT NULL;

ALTER TABLE "products" ADD CONSTRAINT "ck_products_sku" CHECK (is_sku(sku));


-- +cdb downgrade
ALTER TABLE "products" DROP CONSTRAINT "ck_products_sku";

-- cdb: destructive: drops column 'public.products.ref' and its data
ALTER TABLE "products" DROP COLUMN "ref";

DROP FUNCTION "next_ref"();

DROP FUNCTION "is_sku"(s text);

