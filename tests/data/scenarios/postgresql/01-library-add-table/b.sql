CREATE TABLE books (
    id serial PRIMARY KEY,
    title text NOT NULL,
    isbn varchar(13)
);
CREATE TABLE loans (
    id serial PRIMARY KEY,
    book_id integer NOT NULL REFERENCES books (id),
    borrower text NOT NULL,
    due_on date
);
CREATE INDEX ix_loans_book ON loans (book_id);
