-- +cdb upgrade
DROP INDEX "ix_todos_ltitle";
CREATE INDEX ix_todos_prefix ON todos (substr(title, 1, 3), length(title));
CREATE UNIQUE INDEX ux_todos_lemail ON todos (lower(email));


-- +cdb downgrade
DROP INDEX "ux_todos_lemail";
DROP INDEX "ix_todos_prefix";
CREATE INDEX ix_todos_ltitle ON todos (lower(title));

