CREATE TABLE order_items (
    order_id integer NOT NULL,
    qty integer NOT NULL,
    price numeric(10,2) NOT NULL
);
CREATE FUNCTION order_total(oid_ integer) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(qty * price), 0) + 0 FROM order_items WHERE order_id = oid_ AND qty > 0 $$;
CREATE FUNCTION slugify(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(regexp_replace(s, '[^a-zA-Z0-9]+', '-', 'g')) $$;
CREATE VIEW order_totals AS SELECT DISTINCT order_id, order_total(order_id) AS total FROM order_items;
