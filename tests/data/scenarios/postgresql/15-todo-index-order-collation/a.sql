CREATE TABLE todos (
    id integer PRIMARY KEY,
    title text NOT NULL,
    due_on date,
    tag text
);
CREATE INDEX ix_todos_due ON todos (due_on);
