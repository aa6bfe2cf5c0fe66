-- +cdb upgrade
DROP INDEX "ix_todos_due";

CREATE INDEX ix_todos_due ON public.todos USING btree (due_on DESC NULLS LAST, title COLLATE "C");

CREATE INDEX ix_todos_tag_prefix ON public.todos USING btree (tag text_pattern_ops);


-- +cdb downgrade
DROP INDEX "ix_todos_tag_prefix";

DROP INDEX "ix_todos_due";

CREATE INDEX ix_todos_due ON public.todos USING btree (due_on);

