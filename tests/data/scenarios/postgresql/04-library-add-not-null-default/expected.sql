-- +cdb upgrade
ALTER TABLE "books" ADD COLUMN "format" text DEFAULT 'paper'::text NOT NULL;

ALTER TABLE "books" ADD COLUMN "copies" integer DEFAULT 1 NOT NULL;

ALTER TABLE "books" ADD COLUMN "added_at" timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE "books" ADD COLUMN "flags" text[] DEFAULT '{}'::text[] NOT NULL;


-- +cdb downgrade
-- cdb: destructive: drops column 'public.books.flags' and its data
ALTER TABLE "books" DROP COLUMN "flags";

-- cdb: destructive: drops column 'public.books.added_at' and its data
ALTER TABLE "books" DROP COLUMN "added_at";

-- cdb: destructive: drops column 'public.books.copies' and its data
ALTER TABLE "books" DROP COLUMN "copies";

-- cdb: destructive: drops column 'public.books.format' and its data
ALTER TABLE "books" DROP COLUMN "format";

