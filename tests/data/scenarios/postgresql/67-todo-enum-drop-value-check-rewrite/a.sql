CREATE TYPE task_state AS ENUM ('todo', 'doing', 'done', 'dropped');
CREATE TABLE tasks (
    id integer PRIMARY KEY,
    state task_state NOT NULL DEFAULT 'todo',
    previous task_state DEFAULT 'dropped',
    last_state task_state DEFAULT 'dropped',
    CONSTRAINT tasks_state_check CHECK (state <> 'dropped')
);
CREATE INDEX ix_tasks_open ON tasks (id) WHERE state <> 'dropped';
CREATE TABLE task_archive (
    id integer PRIMARY KEY,
    state task_state NOT NULL DEFAULT 'dropped',
    CONSTRAINT task_archive_state_check CHECK (state IN ('done', 'dropped'))
);
CREATE INDEX ix_task_archive_dropped ON task_archive (id) WHERE state = 'dropped';
