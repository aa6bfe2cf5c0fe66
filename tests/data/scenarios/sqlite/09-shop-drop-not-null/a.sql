CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    note TEXT NOT NULL,
    shipped_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new'
);
