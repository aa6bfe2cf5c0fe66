-- +cdb upgrade
DROP TRIGGER "todos_log";
DROP TRIGGER "todos_touch";
-- rebuild table 'todos' (add check constraint (priority BETWEEN 1 AND 5) on 'todos')
CREATE TABLE "_cdb_new_todos" (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    updated_at TEXT
);
INSERT INTO "_cdb_new_todos" ("id", "title", "priority", "updated_at") SELECT "id", "title", "priority", "updated_at" FROM "todos";
DROP TABLE "todos";
ALTER TABLE "_cdb_new_todos" RENAME TO "todos";
CREATE INDEX ix_todos_priority ON todos (priority);
CREATE TRIGGER todos_log AFTER INSERT ON todos
BEGIN
    INSERT INTO todo_log (todo_id, what) VALUES (NEW.id, 'created');
END;
CREATE TRIGGER todos_touch AFTER UPDATE OF title ON todos
BEGIN
    UPDATE todos SET updated_at = datetime('now') WHERE id = NEW.id;
END;


-- +cdb downgrade
DROP TRIGGER "todos_touch";
DROP TRIGGER "todos_log";
-- rebuild table 'todos' (drop check constraint (priority BETWEEN 1 AND 5) on 'todos')
CREATE TABLE "_cdb_new_todos" (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 3,
    updated_at TEXT
);
INSERT INTO "_cdb_new_todos" ("id", "title", "priority", "updated_at") SELECT "id", "title", "priority", "updated_at" FROM "todos";
DROP TABLE "todos";
ALTER TABLE "_cdb_new_todos" RENAME TO "todos";
CREATE INDEX ix_todos_priority ON todos (priority);
CREATE TRIGGER todos_touch AFTER UPDATE OF title ON todos
BEGIN
    UPDATE todos SET updated_at = datetime('now') WHERE id = NEW.id;
END;
CREATE TRIGGER todos_log AFTER INSERT ON todos
BEGIN
    INSERT INTO todo_log (todo_id, what) VALUES (NEW.id, 'created');
END;

