CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER REFERENCES books (id),
    stars INTEGER,
    body TEXT
);
CREATE INDEX ix_reviews_book ON reviews (book_id);
