CREATE TABLE plots (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    zone TEXT DEFAULT 'A',
    size REAL NOT NULL,
    UNIQUE (name, zone),
    CHECK (zone IS NULL OR length(zone) = 1)
);
CREATE INDEX ix_plots_big ON plots (size) WHERE zone <> 'Z';
