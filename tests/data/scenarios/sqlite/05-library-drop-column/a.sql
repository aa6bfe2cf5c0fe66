CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    blurb TEXT,
    shelf TEXT NOT NULL DEFAULT 'A1'
);
