CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'new',
    qty INTEGER NOT NULL DEFAULT 1,
    currency TEXT DEFAULT 'USD',
    negative INTEGER DEFAULT -1
);
