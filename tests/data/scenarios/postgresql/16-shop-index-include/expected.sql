-- +cdb upgrade
DROP INDEX "ix_orders_customer";

CREATE INDEX ix_orders_customer ON public.orders USING btree (customer_id) INCLUDE (total, status);

CREATE UNIQUE INDEX ux_orders_number ON public.orders USING btree (number) INCLUDE (placed_at);


-- +cdb downgrade
DROP INDEX "ux_orders_number";

DROP INDEX "ix_orders_customer";

CREATE INDEX ix_orders_customer ON public.orders USING btree (customer_id);

