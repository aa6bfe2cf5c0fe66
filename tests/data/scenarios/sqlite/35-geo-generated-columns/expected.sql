-- +cdb upgrade
-- rebuild table 'plots' (add column 'plots.area'; add column 'plots.label'; alter column 'plots.perimeter' (generated))
CREATE TABLE "_cdb_new_plots" (
    id INTEGER PRIMARY KEY,
    w REAL NOT NULL,
    h REAL NOT NULL,
    name TEXT,
    perimeter REAL GENERATED ALWAYS AS (2 * (w + h)) VIRTUAL,
    area REAL AS (w * h),
    label TEXT GENERATED ALWAYS AS (upper(name)) STORED
);
INSERT INTO "_cdb_new_plots" ("id", "w", "h", "name") SELECT "id", "w", "h", "name" FROM "plots";
DROP TABLE "plots";
ALTER TABLE "_cdb_new_plots" RENAME TO "plots";


-- +cdb downgrade
-- cdb: destructive: drops column 'plots.label' and its data
-- cdb: destructive: drops column 'plots.area' and its data
-- rebuild table 'plots' (alter column 'plots.perimeter' (generated); drop column 'plots.label'; drop column 'plots.area')
CREATE TABLE "_cdb_new_plots" (
    id INTEGER PRIMARY KEY,
    w REAL NOT NULL,
    h REAL NOT NULL,
    name TEXT,
    perimeter REAL GENERATED ALWAYS AS (w + h) VIRTUAL
);
INSERT INTO "_cdb_new_plots" ("id", "w", "h", "name") SELECT "id", "w", "h", "name" FROM "plots";
DROP TABLE "plots";
ALTER TABLE "_cdb_new_plots" RENAME TO "plots";

