CREATE TABLE sales (
    id integer PRIMARY KEY,
    sold_on date NOT NULL,
    region text NOT NULL DEFAULT 'eu',
    amount numeric(10,2) NOT NULL
);
CREATE MATERIALIZED VIEW monthly_sales AS
    SELECT date_trunc('month', sold_on) AS month, region, sum(amount) AS total
    FROM sales WHERE amount > 0 GROUP BY 1, 2;
CREATE UNIQUE INDEX ix_monthly_sales_month ON monthly_sales (month, region);
