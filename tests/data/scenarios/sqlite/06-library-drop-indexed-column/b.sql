CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE INDEX ix_books_title ON books (title);
