CREATE TABLE sales (
    id integer PRIMARY KEY,
    amount numeric(8,2) NOT NULL,
    note varchar(20),
    flagged boolean NOT NULL DEFAULT false
);
CREATE MATERIALIZED VIEW sales_total AS SELECT count(*) AS n, sum(amount) AS total FROM sales;
CREATE INDEX ix_sales_total_n ON sales_total (n);
CREATE FUNCTION flag_big_sale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.flagged := true;
    RETURN NEW;
END
$$;
CREATE TRIGGER sales_flag BEFORE INSERT OR UPDATE OF note ON sales
    FOR EACH ROW WHEN (NEW.amount > 1000) EXECUTE FUNCTION flag_big_sale();
