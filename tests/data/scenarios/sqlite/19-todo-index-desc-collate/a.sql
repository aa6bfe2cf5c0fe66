CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    due_on TEXT,
    tag TEXT
);
CREATE INDEX ix_todos_due ON todos (due_on);
