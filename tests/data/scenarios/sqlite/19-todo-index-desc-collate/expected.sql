-- +cdb upgrade
DROP INDEX "ix_todos_due";
CREATE INDEX ix_todos_due ON todos (due_on DESC, title COLLATE NOCASE);
CREATE INDEX ix_todos_tag ON todos (tag COLLATE RTRIM ASC);


-- +cdb downgrade
DROP INDEX "ix_todos_tag";
DROP INDEX "ix_todos_due";
CREATE INDEX ix_todos_due ON todos (due_on);

