CREATE TYPE task_state AS ENUM ('todo', 'doing', 'done');
CREATE TABLE tasks (
    id integer PRIMARY KEY,
    state task_state NOT NULL DEFAULT 'todo',
    owner text,
    CONSTRAINT ck_tasks_owner CHECK (state = 'todo' OR owner IS NOT NULL)
);
CREATE INDEX ix_tasks_open ON tasks (owner) WHERE state <> 'done';
