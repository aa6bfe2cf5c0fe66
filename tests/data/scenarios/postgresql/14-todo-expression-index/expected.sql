-- +cdb upgrade
DROP INDEX "ix_todos_ltitle";

CREATE INDEX ix_todos_day ON public.todos USING btree (date_trunc('day'::text, created_at));

CREATE INDEX ix_todos_list_ltitle ON public.todos USING btree (list_id, lower(title));

CREATE UNIQUE INDEX ux_todos_lemail ON public.todos USING btree (lower(email));


-- +cdb downgrade
DROP INDEX "ux_todos_lemail";

DROP INDEX "ix_todos_list_ltitle";

DROP INDEX "ix_todos_day";

CREATE INDEX ix_todos_ltitle ON public.todos USING btree (lower(title));

