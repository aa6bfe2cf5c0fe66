CREATE TABLE sales (
    id integer PRIMARY KEY,
    sold_on date NOT NULL,
    region text NOT NULL DEFAULT 'eu',
    amount numeric(10,2) NOT NULL
);
CREATE MATERIALIZED VIEW monthly_sales AS
    SELECT date_trunc('month', sold_on) AS month, sum(amount) AS total FROM sales GROUP BY 1;
CREATE INDEX ix_monthly_sales_month ON monthly_sales (month);
CREATE MATERIALIZED VIEW stale_report AS SELECT count(*) AS n FROM sales;
