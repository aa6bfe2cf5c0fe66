CREATE TYPE task_state AS ENUM ('todo', 'doing', 'done');
CREATE TABLE tasks (
    id integer PRIMARY KEY,
    state task_state NOT NULL DEFAULT 'todo',
    previous task_state DEFAULT 'done',
    CONSTRAINT tasks_state_check CHECK (state <> 'done' OR id > 0)
);
CREATE INDEX ix_tasks_open ON tasks (id) WHERE state <> 'done';
