-- +cdb upgrade
ALTER TABLE "books" ADD COLUMN subtitle TEXT;
ALTER TABLE "books" ADD COLUMN pages INTEGER;


-- +cdb downgrade
-- cdb: destructive: drops column 'books.pages' and its data
ALTER TABLE "books" DROP COLUMN "pages";
-- cdb: destructive: drops column 'books.subtitle' and its data
ALTER TABLE "books" DROP COLUMN "subtitle";

