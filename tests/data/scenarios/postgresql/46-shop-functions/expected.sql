-- +cdb upgrade
CREATE OR REPLACE FUNCTION public.order_total(oid_ integer)
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(sum(qty * price), 0) + 0 FROM order_items WHERE order_id = oid_ AND qty > 0 $function$;

CREATE OR REPLACE FUNCTION public.slugify(s text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT lower(regexp_replace(s, '[^a-zA-Z0-9]+', '-', 'g')) $function$;

DROP FUNCTION "legacy_tax"(amount numeric);


-- +cdb downgrade
CREATE OR REPLACE FUNCTION public.legacy_tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT amount * 0.2 $function$;

DROP FUNCTION "slugify"(s text);

CREATE OR REPLACE FUNCTION public.order_total(oid_ integer)
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(sum(qty * price), 0) FROM order_items WHERE order_id = oid_ $function$;

