-- +cdb upgrade
-- cdb: the new value cannot be used before this revision commits
ALTER TYPE "order_status" ADD VALUE 'refunded';


-- +cdb downgrade
-- cdb: destructive: removes label 'refunded' from type 'order_status'; rows that hold it fail to convert
ALTER TYPE "order_status" RENAME TO "order_status__cdb_old";
CREATE TYPE "order_status" AS ENUM ('new', 'paid', 'shipped');
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "orders" ALTER COLUMN "status" TYPE order_status USING "status"::text::order_status;
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new'::order_status;
DROP TYPE "order_status__cdb_old";

