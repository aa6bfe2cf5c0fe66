-- +cdb upgrade
DROP INDEX IF EXISTS "ix_sales_total_n";

DROP MATERIALIZED VIEW "sales_total";

DROP TRIGGER "sales_flag" ON "sales";

ALTER TABLE "sales" ALTER COLUMN "amount" TYPE numeric(12,2) USING "amount"::numeric;

ALTER TABLE "sales" ALTER COLUMN "note" TYPE text USING "note"::text;

CREATE MATERIALIZED VIEW "sales_total" AS
SELECT count(*) AS n,
    sum(sales.amount) AS total
   FROM sales;

CREATE INDEX ix_sales_total_n ON public.sales_total USING btree (n);

CREATE TRIGGER sales_flag BEFORE INSERT OR UPDATE OF note ON sales FOR EACH ROW WHEN (new.amount > 1000::numeric) EXECUTE FUNCTION flag_big_sale();


-- +cdb downgrade
DROP TRIGGER "sales_flag" ON "sales";

DROP INDEX IF EXISTS "ix_sales_total_n";

DROP MATERIALIZED VIEW "sales_total";

-- cdb: destructive: changes column 'public.sales.note' from text to character varying(20), which may truncate or fail to convert values
ALTER TABLE "sales" ALTER COLUMN "note" TYPE character varying(20) USING "note"::character varying;

-- cdb: destructive: changes column 'public.sales.amount' from numeric(12,2) to numeric(8,2), which may truncate or fail to convert values
ALTER TABLE "sales" ALTER COLUMN "amount" TYPE numeric(8,2) USING "amount"::numeric;

CREATE TRIGGER sales_flag BEFORE INSERT OR UPDATE OF note ON sales FOR EACH ROW WHEN (new.amount > 1000::numeric) EXECUTE FUNCTION flag_big_sale();

CREATE MATERIALIZED VIEW "sales_total" AS
SELECT count(*) AS n,
    sum(sales.amount) AS total
   FROM sales;

CREATE INDEX ix_sales_total_n ON public.sales_total USING btree (n);

