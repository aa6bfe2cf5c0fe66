CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    at TEXT
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    event_id INTEGER REFERENCES events (id),
    who TEXT
);
