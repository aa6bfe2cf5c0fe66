CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER REFERENCES venues (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT 'untitled',
    starts_at TEXT
);
CREATE INDEX ix_events_starts ON events (starts_at);
CREATE VIEW upcoming AS SELECT id, title FROM events WHERE starts_at > '2024-01-01';
