-- +cdb upgrade
DROP INDEX "ix_todos_open";

CREATE INDEX ix_todos_open ON public.todos USING btree (list_id) WHERE ((NOT done) AND (deleted_at IS NULL));

CREATE UNIQUE INDEX ux_todos_live_title ON public.todos USING btree (list_id, title) WHERE (deleted_at IS NULL);


-- +cdb downgrade
DROP INDEX "ux_todos_live_title";

DROP INDEX "ix_todos_open";

CREATE INDEX ix_todos_open ON public.todos USING btree (list_id) WHERE (NOT done);

