-- +cdb upgrade
-- cdb: destructive: removes label 'lost' from type 'order_status'; rows that hold it fail to convert
ALTER TYPE "order_status" RENAME TO "order_status__cdb_old";
CREATE TYPE "order_status" AS ENUM ('new', 'paid', 'shipped');
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "orders" ALTER COLUMN "status" TYPE order_status USING "status"::text::order_status;
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new'::order_status;
ALTER TABLE "orders" ALTER COLUMN "previous" TYPE order_status USING "previous"::text::order_status;
DROP TYPE "order_status__cdb_old";


-- +cdb downgrade
ALTER TYPE "order_status" RENAME TO "order_status__cdb_old";
CREATE TYPE "order_status" AS ENUM ('new', 'paid', 'lost', 'shipped');
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "orders" ALTER COLUMN "status" TYPE order_status USING "status"::text::order_status;
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new'::order_status;
ALTER TABLE "orders" ALTER COLUMN "previous" TYPE order_status USING "previous"::text::order_status;
DROP TYPE "order_status__cdb_old";

