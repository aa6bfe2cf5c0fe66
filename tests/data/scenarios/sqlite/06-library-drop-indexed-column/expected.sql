-- +cdb upgrade
DROP INDEX "ix_books_title_barcode";
DROP INDEX "ux_books_barcode";
-- cdb: destructive: drops column 'books.barcode' and its data
ALTER TABLE "books" DROP COLUMN "barcode";


-- +cdb downgrade
ALTER TABLE "books" ADD COLUMN barcode TEXT;
CREATE UNIQUE INDEX ux_books_barcode ON books (barcode);
CREATE INDEX ix_books_title_barcode ON books (title, barcode);

