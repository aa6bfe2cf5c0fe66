CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT,
    qty INTEGER,
    created_at TEXT,
    rate REAL
);
