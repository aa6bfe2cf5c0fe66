-- +cdb upgrade
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id),
    borrower TEXT NOT NULL,
    due_on TEXT
);
CREATE INDEX ix_loans_book ON loans (book_id);


-- +cdb downgrade
DROP INDEX "ix_loans_book";
-- cdb: destructive: drops table 'loans' and its rows
DROP TABLE "loans";

