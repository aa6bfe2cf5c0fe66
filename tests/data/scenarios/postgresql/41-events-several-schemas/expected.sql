-- +cdb upgrade
CREATE SCHEMA "reporting";

CREATE TABLE "billing"."payments" (
    "id" integer NOT NULL,
    "invoice_id" integer NOT NULL,
    "amount" numeric(10,2) NOT NULL,
    CONSTRAINT "payments_pkey" PRIMARY KEY (id),
    CONSTRAINT "payments_amount_check" CHECK (amount > 0::numeric),
    CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY (invoice_id) REFERENCES billing.invoices(id) ON DELETE CASCADE
);

ALTER TABLE "billing"."invoices" ADD COLUMN "paid_at" timestamp with time zone;

CREATE INDEX ix_invoices_unpaid ON billing.invoices USING btree (customer_id) WHERE (paid_at IS NULL);

CREATE VIEW "reporting"."customer_totals" AS
SELECT c.id,
    c.name,
    COALESCE(sum(i.total), 0::numeric) AS billed
   FROM customers c
     LEFT JOIN billing.invoices i ON i.customer_id = c.id
  GROUP BY c.id, c.name;


-- +cdb downgrade
DROP VIEW "reporting"."customer_totals";

DROP INDEX "billing"."ix_invoices_unpaid";

-- cdb: destructive: drops column 'billing.invoices.paid_at' and its data
ALTER TABLE "billing"."invoices" DROP COLUMN "paid_at";

-- cdb: destructive: drops table 'billing.payments' and its rows
DROP TABLE "billing"."payments";

DROP SCHEMA "reporting";

