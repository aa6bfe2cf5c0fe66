-- +cdb upgrade
DROP INDEX IF EXISTS "ix_monthly_sales_month";

DROP MATERIALIZED VIEW "stale_report";

DROP MATERIALIZED VIEW "monthly_sales";
CREATE MATERIALIZED VIEW "monthly_sales" AS
SELECT date_trunc('month'::text, sales.sold_on::timestamp with time zone) AS month,
    sales.region,
    sum(sales.amount) AS total
   FROM sales
  WHERE sales.amount > 0::numeric
  GROUP BY (date_trunc('month'::text, sales.sold_on::timestamp with time zone)), sales.region;

CREATE UNIQUE INDEX ix_monthly_sales_month ON public.monthly_sales USING btree (month, region);


-- +cdb downgrade
DROP INDEX IF EXISTS "ix_monthly_sales_month";

DROP MATERIALIZED VIEW "monthly_sales";
CREATE MATERIALIZED VIEW "monthly_sales" AS
SELECT date_trunc('month'::text, sales.sold_on::timestamp with time zone) AS month,
    sum(sales.amount) AS total
   FROM sales
  GROUP BY (date_trunc('month'::text, sales.sold_on::timestamp with time zone));

CREATE MATERIALIZED VIEW "stale_report" AS
SELECT count(*) AS n
   FROM sales;

CREATE INDEX ix_monthly_sales_month ON public.monthly_sales USING btree (month);

