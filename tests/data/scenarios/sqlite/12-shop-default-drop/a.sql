CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT DEFAULT 'new',
    source TEXT NOT NULL DEFAULT 'web',
    placed_at TEXT DEFAULT CURRENT_TIMESTAMP
);
