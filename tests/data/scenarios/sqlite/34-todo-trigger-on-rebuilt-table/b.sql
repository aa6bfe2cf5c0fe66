CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    updated_at TEXT
);
CREATE TABLE todo_log (id INTEGER PRIMARY KEY, todo_id INTEGER, what TEXT);
CREATE INDEX ix_todos_priority ON todos (priority);
CREATE TRIGGER todos_touch AFTER UPDATE OF title ON todos
BEGIN
    UPDATE todos SET updated_at = datetime('now') WHERE id = NEW.id;
END;
CREATE TRIGGER todos_log AFTER INSERT ON todos
BEGIN
    INSERT INTO todo_log (todo_id, what) VALUES (NEW.id, 'created');
END;
