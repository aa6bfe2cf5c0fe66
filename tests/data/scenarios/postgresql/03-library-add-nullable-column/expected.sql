-- +cdb upgrade
ALTER TABLE "books" ADD COLUMN "subtitle" text;

ALTER TABLE "books" ADD COLUMN "pages" integer;

ALTER TABLE "books" ADD COLUMN "published" date;


-- +cdb downgrade
-- cdb: destructive: drops column 'public.books.published' and its data
ALTER TABLE "books" DROP COLUMN "published";

-- cdb: destructive: drops column 'public.books.pages' and its data
ALTER TABLE "books" DROP COLUMN "pages";

-- cdb: destructive: drops column 'public.books.subtitle' and its data
ALTER TABLE "books" DROP COLUMN "subtitle";

