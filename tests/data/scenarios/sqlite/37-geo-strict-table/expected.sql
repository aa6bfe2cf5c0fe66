-- +cdb upgrade
CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id),
    name TEXT NOT NULL,
    extra ANY
) STRICT;
-- rebuild table 'cities' (alter table 'cities' (strict))
CREATE TABLE "_cdb_new_cities" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    population INTEGER,
    lat REAL,
    lon REAL
) STRICT;
INSERT INTO "_cdb_new_cities" ("id", "name", "population", "lat", "lon") SELECT "id", "name", "population", "lat", "lon" FROM "cities";
DROP TABLE "cities";
ALTER TABLE "_cdb_new_cities" RENAME TO "cities";


-- +cdb downgrade
-- rebuild table 'cities' (alter table 'cities' (strict))
CREATE TABLE "_cdb_new_cities" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    population INTEGER,
    lat REAL,
    lon REAL
);
INSERT INTO "_cdb_new_cities" ("id", "name", "population", "lat", "lon") SELECT "id", "name", "population", "lat", "lon" FROM "cities";
DROP TABLE "cities";
ALTER TABLE "_cdb_new_cities" RENAME TO "cities";
-- cdb: destructive: drops table 'districts' and its rows
DROP TABLE "districts";

