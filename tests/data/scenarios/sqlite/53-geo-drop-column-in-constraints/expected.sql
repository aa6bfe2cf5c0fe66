-- +cdb upgrade
DROP INDEX "ix_plots_big";
-- cdb: destructive: drops column 'plots.zone' and its data
-- rebuild table 'plots' (drop unique constraint (name, zone) on 'plots'; drop check constraint (zone IS NULL OR length(zone) = 1) on 'plots'; drop column 'plots.zone')
CREATE TABLE "_cdb_new_plots" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    size REAL NOT NULL
);
INSERT INTO "_cdb_new_plots" ("id", "name", "size") SELECT "id", "name", "size" FROM "plots";
DROP TABLE "plots";
ALTER TABLE "_cdb_new_plots" RENAME TO "plots";


-- +cdb downgrade
-- rebuild table 'plots' (add column 'plots.zone'; add check constraint (zone IS NULL OR length(zone) = 1) on 'plots'; add unique constraint (name, zone) on 'plots')
CREATE TABLE "_cdb_new_plots" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    zone TEXT DEFAULT 'A',
    size REAL NOT NULL,
    UNIQUE (name, zone),
    CHECK (zone IS NULL OR length(zone) = 1)
);
INSERT INTO "_cdb_new_plots" ("id", "name", "size") SELECT "id", "name", "size" FROM "plots";
DROP TABLE "plots";
ALTER TABLE "_cdb_new_plots" RENAME TO "plots";
CREATE INDEX ix_plots_big ON plots (size) WHERE zone <> 'Z';

