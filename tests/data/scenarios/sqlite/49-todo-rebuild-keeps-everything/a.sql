CREATE TABLE lists (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT,
    archived_at TEXT,
    touched TEXT
);
CREATE UNIQUE INDEX ux_lists_owner_name ON lists (owner, name);
CREATE INDEX ix_lists_live ON lists (owner) WHERE archived_at IS NULL;
CREATE INDEX ix_lists_lname ON lists (lower(name) DESC);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    title TEXT NOT NULL
);
CREATE TRIGGER lists_touch AFTER UPDATE OF name ON lists
BEGIN
    UPDATE lists SET touched = 'yes' WHERE id = NEW.id;
END;
CREATE VIEW list_sizes AS
    SELECT l.id, l.name, count(i.id) AS n FROM lists l LEFT JOIN items i ON i.list_id = l.id GROUP BY l.id, l.name;
