CREATE FUNCTION is_sku(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $fn$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $fn$;
CREATE FUNCTION next_ref() RETURNS text
    LANGUAGE sql VOLATILE
    AS $fn$ SELECT 'R-' || md5(random()::text) $fn$;
CREATE TABLE products (
    id integer PRIMARY KEY,
    sku text NOT NULL,
    ref text NOT NULL DEFAULT next_ref(),
    CONSTRAINT ck_products_sku CHECK (is_sku(sku))
);
