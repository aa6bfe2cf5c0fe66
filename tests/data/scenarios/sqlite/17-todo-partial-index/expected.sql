-- +cdb upgrade
DROP INDEX "ix_todos_open";
CREATE INDEX ix_todos_open ON todos (list_id) WHERE done = 0 AND deleted_at IS NULL;
CREATE UNIQUE INDEX ux_todos_live_title ON todos (list_id, title) WHERE deleted_at IS NULL;


-- +cdb downgrade
DROP INDEX "ux_todos_live_title";
DROP INDEX "ix_todos_open";
CREATE INDEX ix_todos_open ON todos (list_id) WHERE done = 0;

