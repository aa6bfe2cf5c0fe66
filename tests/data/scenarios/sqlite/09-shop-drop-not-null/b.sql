CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    note TEXT,
    shipped_at TEXT,
    status TEXT NOT NULL DEFAULT 'new'
);
