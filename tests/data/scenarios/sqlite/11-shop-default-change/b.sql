CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'pending',
    qty INTEGER NOT NULL DEFAULT 0,
    currency TEXT DEFAULT 'EUR',
    negative INTEGER DEFAULT -2
);
