-- +cdb upgrade
DROP VIEW "open_orders";

-- cdb: the new value cannot be used before this revision commits
ALTER TYPE "order_status" ADD VALUE 'draft' BEFORE 'new';

-- cdb: the new value cannot be used before this revision commits
ALTER TYPE "order_status" ADD VALUE 'packed' BEFORE 'shipped';

CREATE VIEW "open_orders" AS
SELECT orders.id,
    orders.status
   FROM orders
  WHERE orders.status < 'shipped'::order_status;


-- +cdb downgrade
DROP VIEW "open_orders";

-- cdb: destructive: removes label 'draft' from type 'order_status'; rows that hold it fail to convert
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_status";
ALTER TYPE "order_status" RENAME TO "order_status__cdb_old";
CREATE TYPE "order_status" AS ENUM ('new', 'paid', 'shipped');
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "orders" ALTER COLUMN "status" TYPE order_status USING "status"::text::order_status;
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new'::order_status;
DROP TYPE "order_status__cdb_old";
ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_status" CHECK (status <> 'shipped'::order_status OR id > 0);

CREATE VIEW "open_orders" AS
SELECT orders.id,
    orders.status
   FROM orders
  WHERE orders.status < 'shipped'::order_status;

