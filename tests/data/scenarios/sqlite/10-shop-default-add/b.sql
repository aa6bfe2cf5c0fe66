CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT DEFAULT 'new',
    qty INTEGER DEFAULT 1,
    created_at TEXT DEFAULT (datetime('now')),
    rate REAL DEFAULT 0.5
);
