-- +cdb upgrade
DROP INDEX "ix_todos_code_c";

DROP INDEX "ix_todos_due";

DROP INDEX "ix_todos_priority";

DROP INDEX "ix_todos_title";

CREATE INDEX ix_todos_code ON public.todos USING btree (lower(code) text_pattern_ops DESC NULLS LAST, due_on NULLS FIRST);

CREATE INDEX ix_todos_code_c ON public.todos USING btree (code COLLATE "C");

CREATE INDEX ix_todos_due ON public.todos USING btree (due_on NULLS FIRST);

CREATE INDEX ix_todos_priority ON public.todos USING btree (priority DESC);

CREATE INDEX ix_todos_title ON public.todos USING btree (title varchar_pattern_ops);


-- +cdb downgrade
DROP INDEX "ix_todos_title";

DROP INDEX "ix_todos_priority";

DROP INDEX "ix_todos_due";

DROP INDEX "ix_todos_code_c";

DROP INDEX "ix_todos_code";

CREATE INDEX ix_todos_title ON public.todos USING btree (title);

CREATE INDEX ix_todos_priority ON public.todos USING btree (priority DESC NULLS LAST);

CREATE INDEX ix_todos_due ON public.todos USING btree (due_on);

CREATE INDEX ix_todos_code_c ON public.todos USING btree (code);

