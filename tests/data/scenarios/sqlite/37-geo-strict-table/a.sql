CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    population INTEGER,
    lat REAL,
    lon REAL
);
