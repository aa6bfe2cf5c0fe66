CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    barcode TEXT
);
CREATE UNIQUE INDEX ux_books_barcode ON books (barcode);
CREATE INDEX ix_books_title_barcode ON books (title, barcode);
CREATE INDEX ix_books_title ON books (title);
