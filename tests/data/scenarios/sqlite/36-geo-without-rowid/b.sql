CREATE TABLE regions (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE countries (
    id INTEGER PRIMARY KEY,
    region_code TEXT REFERENCES regions (code),
    name TEXT NOT NULL
);
