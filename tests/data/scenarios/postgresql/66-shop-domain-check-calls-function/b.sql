CREATE FUNCTION is_sku(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $fn$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $fn$;
CREATE FUNCTION is_even(n integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $fn$ SELECT n % 2 = 0 $fn$;
CREATE DOMAIN sku AS text CONSTRAINT sku_format CHECK (is_sku(VALUE));
CREATE DOMAIN pack_size AS integer DEFAULT 2 CONSTRAINT pack_size_even CHECK (is_even(VALUE)) CHECK (VALUE > 0);
CREATE DOMAIN quantity AS integer CONSTRAINT quantity_even CHECK (is_even(VALUE));
CREATE TABLE products (
    id integer PRIMARY KEY,
    code sku NOT NULL,
    qty quantity,
    pack pack_size
);
