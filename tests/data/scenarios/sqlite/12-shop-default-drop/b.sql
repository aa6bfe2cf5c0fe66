CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT,
    source TEXT NOT NULL,
    placed_at TEXT
);
