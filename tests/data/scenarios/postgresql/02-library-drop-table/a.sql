CREATE TABLE books (
    id serial PRIMARY KEY,
    title text NOT NULL
);
CREATE TABLE reviews (
    id serial PRIMARY KEY,
    book_id integer REFERENCES books (id),
    stars smallint,
    body text
);
CREATE INDEX ix_reviews_book ON reviews (book_id);
