-- +cdb upgrade
CREATE MATERIALIZED VIEW "daily_sales" AS
SELECT sales.sold_on,
    sum(sales.amount) AS total,
    count(*) AS n
   FROM sales
  GROUP BY sales.sold_on;

CREATE UNIQUE INDEX ux_daily_sales_day ON public.daily_sales USING btree (sold_on);


-- +cdb downgrade
DROP INDEX IF EXISTS "ux_daily_sales_day";

DROP MATERIALIZED VIEW "daily_sales";

