-- +cdb upgrade
CREATE TYPE "payment_method" AS ENUM ('card', 'transfer', 'cash');

CREATE TYPE "shipment_status" AS ENUM ('pending', 'shipped', 'delivered');

CREATE TABLE "shipments" (
    "id" integer NOT NULL,
    "order_id" integer NOT NULL,
    "status" shipment_status DEFAULT 'pending'::shipment_status NOT NULL,
    CONSTRAINT "shipments_pkey" PRIMARY KEY (id),
    CONSTRAINT "shipments_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id)
);

ALTER TABLE "orders" ADD COLUMN "paid_with" payment_method DEFAULT 'card'::payment_method NOT NULL;

CREATE INDEX ix_shipments_pending ON public.shipments USING btree (order_id) WHERE (status = 'pending'::shipment_status);


-- +cdb downgrade
DROP INDEX "ix_shipments_pending";

-- cdb: destructive: drops column 'public.orders.paid_with' and its data
ALTER TABLE "orders" DROP COLUMN "paid_with";

-- cdb: destructive: drops table 'public.shipments' and its rows
DROP TABLE "shipments";

-- cdb: destructive: drops type 'public.shipment_status'
DROP TYPE "shipment_status";

-- cdb: destructive: drops type 'public.payment_method'
DROP TYPE "payment_method";

