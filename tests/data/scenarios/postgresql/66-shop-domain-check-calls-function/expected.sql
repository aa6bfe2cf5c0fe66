-- +cdb upgrade
CREATE DOMAIN "pack_size" AS integer DEFAULT 2 CONSTRAINT "pack_size_check" CHECK ((VALUE > 0));

ALTER DOMAIN "quantity" RENAME TO "quantity__cdb_old";
CREATE DOMAIN "quantity" AS integer;
ALTER TABLE "products" ALTER COLUMN "qty" TYPE quantity USING "qty"::integer;
DROP DOMAIN "quantity__cdb_old";

CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n % 2 = 0 $function$;

CREATE OR REPLACE FUNCTION public.is_sku(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $function$;

ALTER DOMAIN "pack_size" ADD CONSTRAINT "pack_size_even" CHECK (is_even(VALUE));

ALTER DOMAIN "quantity" ADD CONSTRAINT "quantity_even" CHECK (is_even(VALUE));

ALTER DOMAIN "sku" ADD CONSTRAINT "sku_format" CHECK (is_sku(VALUE));

ALTER TABLE "products" ADD COLUMN "pack" pack_size;


-- +cdb downgrade
-- cdb: destructive: drops column 'public.products.pack' and its data
ALTER TABLE "products" DROP COLUMN "pack";

ALTER DOMAIN "sku" DROP CONSTRAINT "sku_format";

ALTER DOMAIN "quantity" DROP CONSTRAINT "quantity_even";

ALTER DOMAIN "pack_size" DROP CONSTRAINT "pack_size_even";

DROP FUNCTION "is_sku"(s text);

DROP FUNCTION "is_even"(n integer);

-- cdb: destructive: changes domain 'public.quantity' from integer to smallint, which may truncate or fail to convert the values of the columns using it
ALTER DOMAIN "quantity" RENAME TO "quantity__cdb_old";
CREATE DOMAIN "quantity" AS smallint;
ALTER TABLE "products" ALTER COLUMN "qty" TYPE quantity USING "qty"::smallint;
DROP DOMAIN "quantity__cdb_old";

DROP DOMAIN "pack_size";

