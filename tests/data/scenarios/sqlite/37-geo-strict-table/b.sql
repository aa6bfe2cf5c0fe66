CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    population INTEGER,
    lat REAL,
    lon REAL
) STRICT;
CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id),
    name TEXT NOT NULL,
    extra ANY
) STRICT;
