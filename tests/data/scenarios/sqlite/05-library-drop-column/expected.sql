-- +cdb upgrade
-- cdb: destructive: drops column 'books.blurb' and its data
ALTER TABLE "books" DROP COLUMN "blurb";
-- cdb: destructive: drops column 'books.shelf' and its data
ALTER TABLE "books" DROP COLUMN "shelf";


-- +cdb downgrade
ALTER TABLE "books" ADD COLUMN shelf TEXT NOT NULL DEFAULT 'A1';
ALTER TABLE "books" ADD COLUMN blurb TEXT;

