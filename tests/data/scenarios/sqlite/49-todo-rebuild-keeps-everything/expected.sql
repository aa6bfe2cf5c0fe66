-- +cdb upgrade
DROP VIEW "list_sizes";
DROP TRIGGER "lists_touch";
-- rebuild table 'lists' (alter column 'lists.name' (nullable))
CREATE TABLE "_cdb_new_lists" (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    archived_at TEXT,
    touched TEXT
);
INSERT INTO "_cdb_new_lists" ("id", "owner", "name", "archived_at", "touched") SELECT "id", "owner", "name", "archived_at", "touched" FROM "lists";
DROP TABLE "lists";
ALTER TABLE "_cdb_new_lists" RENAME TO "lists";
CREATE INDEX ix_lists_live ON lists (owner) WHERE archived_at IS NULL;
CREATE INDEX ix_lists_lname ON lists (lower(name) DESC);
CREATE UNIQUE INDEX ux_lists_owner_name ON lists (owner, name);
CREATE VIEW list_sizes AS
    SELECT l.id, l.name, count(i.id) AS n FROM lists l LEFT JOIN items i ON i.list_id = l.id GROUP BY l.id, l.name;
CREATE TRIGGER lists_touch AFTER UPDATE OF name ON lists
BEGIN
    UPDATE lists SET touched = 'yes' WHERE id = NEW.id;
END;


-- +cdb downgrade
DROP TRIGGER "lists_touch";
DROP VIEW "list_sizes";
-- rebuild table 'lists' (alter column 'lists.name' (nullable))
CREATE TABLE "_cdb_new_lists" (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT,
    archived_at TEXT,
    touched TEXT
);
INSERT INTO "_cdb_new_lists" ("id", "owner", "name", "archived_at", "touched") SELECT "id", "owner", "name", "archived_at", "touched" FROM "lists";
DROP TABLE "lists";
ALTER TABLE "_cdb_new_lists" RENAME TO "lists";
CREATE INDEX ix_lists_live ON lists (owner) WHERE archived_at IS NULL;
CREATE INDEX ix_lists_lname ON lists (lower(name) DESC);
CREATE UNIQUE INDEX ux_lists_owner_name ON lists (owner, name);
CREATE TRIGGER lists_touch AFTER UPDATE OF name ON lists
BEGIN
    UPDATE lists SET touched = 'yes' WHERE id = NEW.id;
END;
CREATE VIEW list_sizes AS
    SELECT l.id, l.name, count(i.id) AS n FROM lists l LEFT JOIN items i ON i.list_id = l.id GROUP BY l.id, l.name;

