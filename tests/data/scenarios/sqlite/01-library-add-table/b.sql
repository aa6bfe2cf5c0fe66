CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    isbn TEXT
);
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id),
    borrower TEXT NOT NULL,
    due_on TEXT
);
CREATE INDEX ix_loans_book ON loans (book_id);
