CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    email TEXT
);
CREATE INDEX ix_todos_ltitle ON todos (lower(title));
