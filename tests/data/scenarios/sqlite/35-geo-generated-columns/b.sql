CREATE TABLE plots (
    id INTEGER PRIMARY KEY,
    w REAL NOT NULL,
    h REAL NOT NULL,
    name TEXT,
    perimeter REAL GENERATED ALWAYS AS (2 * (w + h)) VIRTUAL,
    area REAL AS (w * h),
    label TEXT GENERATED ALWAYS AS (upper(name)) STORED
);
