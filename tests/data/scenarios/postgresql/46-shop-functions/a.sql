CREATE TABLE order_items (
    order_id integer NOT NULL,
    qty integer NOT NULL,
    price numeric(10,2) NOT NULL
);
CREATE FUNCTION order_total(oid_ integer) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(qty * price), 0) FROM order_items WHERE order_id = oid_ $$;
CREATE FUNCTION legacy_tax(amount numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT amount * 0.2 $$;
CREATE VIEW order_totals AS SELECT DISTINCT order_id, order_total(order_id) AS total FROM order_items;
