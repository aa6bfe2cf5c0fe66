-- +cdb upgrade
ALTER DOMAIN "sku" RENAME TO "sku__cdb_old";
ALTER DOMAIN "stocked_sku" RENAME TO "stocked_sku__cdb_old";
CREATE DOMAIN "sku" AS bigint CONSTRAINT "sku_positive" CHECK ((VALUE > 0));
CREATE DOMAIN "stocked_sku" AS sku CONSTRAINT "stocked_sku_small" CHECK (((VALUE)::integer < 1000000));
ALTER TABLE "items" ALTER COLUMN "code" TYPE stocked_sku USING "code"::bigint;
ALTER TABLE "items" ALTER COLUMN "alt" TYPE sku USING "alt"::bigint;
ALTER TABLE "items" ALTER COLUMN "tags" TYPE stocked_sku[] USING "tags"::bigint[];
DROP DOMAIN "stocked_sku__cdb_old";
DROP DOMAIN "sku__cdb_old";

ALTER DOMAIN "stocked_sku" RENAME TO "stocked_sku__cdb_old";
CREATE DOMAIN "stocked_sku" AS sku CONSTRAINT "stocked_sku_small" CHECK (((VALUE)::bigint < 1000000));
ALTER TABLE "items" ALTER COLUMN "code" TYPE stocked_sku;
ALTER TABLE "items" ALTER COLUMN "tags" TYPE stocked_sku[];
DROP DOMAIN "stocked_sku__cdb_old";


-- +cdb downgrade
ALTER DOMAIN "stocked_sku" RENAME TO "stocked_sku__cdb_old";
CREATE DOMAIN "stocked_sku" AS sku CONSTRAINT "stocked_sku_small" CHECK (((VALUE)::integer < 1000000));
ALTER TABLE "items" ALTER COLUMN "code" TYPE stocked_sku;
ALTER TABLE "items" ALTER COLUMN "tags" TYPE stocked_sku[];
DROP DOMAIN "stocked_sku__cdb_old";

-- cdb: destructive: changes domain 'public.sku' from bigint to integer, which may truncate or fail to convert the values of the columns using it
ALTER DOMAIN "sku" RENAME TO "sku__cdb_old";
ALTER DOMAIN "stocked_sku" RENAME TO "stocked_sku__cdb_old";
CREATE DOMAIN "sku" AS integer CONSTRAINT "sku_positive" CHECK ((VALUE > 0));
CREATE DOMAIN "stocked_sku" AS sku CONSTRAINT "stocked_sku_small" CHECK (((VALUE)::integer < 1000000));
ALTER TABLE "items" ALTER COLUMN "code" TYPE stocked_sku USING "code"::integer;
ALTER TABLE "items" ALTER COLUMN "alt" TYPE sku USING "alt"::integer;
ALTER TABLE "items" ALTER COLUMN "tags" TYPE stocked_sku[] USING "tags"::integer[];
DROP DOMAIN "stocked_sku__cdb_old";
DROP DOMAIN "sku__cdb_old";

