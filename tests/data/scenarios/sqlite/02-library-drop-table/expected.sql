-- +cdb upgrade
DROP INDEX "ix_reviews_book";
-- cdb: destructive: drops table 'reviews' and its rows
DROP TABLE "reviews";


-- +cdb downgrade
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER REFERENCES books (id),
    stars INTEGER,
    body TEXT
);
CREATE INDEX ix_reviews_book ON reviews (book_id);

