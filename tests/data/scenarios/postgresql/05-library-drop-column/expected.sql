-- +cdb upgrade
-- cdb: destructive: drops column 'public.books.blurb' and its data
ALTER TABLE "books" DROP COLUMN "blurb";

-- cdb: destructive: drops column 'public.books.shelf' and its data
ALTER TABLE "books" DROP COLUMN "shelf";


-- +cdb downgrade
ALTER TABLE "books" ADD COLUMN "shelf" character varying(8) DEFAULT 'A1'::character varying NOT NULL;

ALTER TABLE "books" ADD COLUMN "blurb" text;

