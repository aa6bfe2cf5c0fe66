CREATE TABLE sales (
    id integer PRIMARY KEY,
    sold_on date NOT NULL,
    amount numeric(10,2) NOT NULL
);
CREATE VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 100;
CREATE MATERIALIZED VIEW daily_sales AS
    SELECT sold_on, sum(amount) AS total, count(*) AS n FROM sales GROUP BY sold_on;
CREATE UNIQUE INDEX ux_daily_sales_day ON daily_sales (sold_on);
