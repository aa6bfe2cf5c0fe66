CREATE TABLE plots (
    id INTEGER PRIMARY KEY,
    w REAL NOT NULL,
    h REAL NOT NULL,
    name TEXT,
    perimeter REAL GENERATED ALWAYS AS (w + h) VIRTUAL
);
