-- +cdb upgrade
-- cdb: destructive: changes column 'public.products.year' from text to integer, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "year" TYPE integer USING "year"::integer;

-- cdb: destructive: changes column 'public.products.code' from text to uuid, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "code" TYPE uuid USING "code"::uuid;

-- cdb: destructive: changes column 'public.products.active' from integer to boolean, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "active" TYPE boolean USING "active"::boolean;


-- +cdb downgrade
-- cdb: destructive: changes column 'public.products.active' from boolean to integer, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "active" TYPE integer USING "active"::integer;

-- cdb: destructive: changes column 'public.products.code' from uuid to text, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "code" TYPE text USING "code"::text;

-- cdb: destructive: changes column 'public.products.year' from integer to text, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "year" TYPE text USING "year"::text;

