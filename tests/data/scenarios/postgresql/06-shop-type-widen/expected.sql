-- +cdb upgrade
ALTER TABLE "products" ALTER COLUMN "name" TYPE character varying(120) USING "name"::character varying;

ALTER TABLE "products" ALTER COLUMN "stock" DROP DEFAULT;
ALTER TABLE "products" ALTER COLUMN "stock" TYPE bigint USING "stock"::bigint;
ALTER TABLE "products" ALTER COLUMN "stock" SET DEFAULT 0;

ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(12,2) USING "price"::numeric;

-- cdb: destructive: changes column 'public.products.weight' from real to double precision, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "weight" TYPE double precision USING "weight"::double precision;

ALTER TABLE "products" ALTER COLUMN "notes" TYPE text USING "notes"::text;


-- +cdb downgrade
-- cdb: destructive: changes column 'public.products.notes' from text to character varying(500), which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "notes" TYPE character varying(500) USING "notes"::character varying;

-- cdb: destructive: changes column 'public.products.weight' from double precision to real, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "weight" TYPE real USING "weight"::real;

-- cdb: destructive: changes column 'public.products.price' from numeric(12,2) to numeric(8,2), which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(8,2) USING "price"::numeric;

-- cdb: destructive: changes column 'public.products.stock' from bigint to integer, which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "stock" DROP DEFAULT;
ALTER TABLE "products" ALTER COLUMN "stock" TYPE integer USING "stock"::integer;
ALTER TABLE "products" ALTER COLUMN "stock" SET DEFAULT 0;

-- cdb: destructive: changes column 'public.products.name' from character varying(120) to character varying(40), which may truncate or fail to convert values
ALTER TABLE "products" ALTER COLUMN "name" TYPE character varying(40) USING "name"::character varying;

