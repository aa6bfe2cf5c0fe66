CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    deleted_at TEXT
);
CREATE INDEX ix_todos_open ON todos (list_id) WHERE done = 0;
