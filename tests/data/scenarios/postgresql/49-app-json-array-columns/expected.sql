-- +cdb upgrade
ALTER TABLE "documents" ADD COLUMN "meta" jsonb DEFAULT '{}'::jsonb NOT NULL;

ALTER TABLE "documents" ALTER COLUMN "title" TYPE text COLLATE "C";

-- cdb: destructive: changes column 'public.documents.tags' from text[] to character varying(20)[], which may truncate or fail to convert values
ALTER TABLE "documents" ALTER COLUMN "tags" TYPE character varying(20)[] USING "tags"::character varying[];

CREATE INDEX ix_documents_meta ON public.documents USING gin (meta);


-- +cdb downgrade
DROP INDEX "ix_documents_meta";

-- cdb: destructive: changes column 'public.documents.tags' from character varying(20)[] to text[], which may truncate or fail to convert values
ALTER TABLE "documents" ALTER COLUMN "tags" TYPE text[] USING "tags"::text[];

ALTER TABLE "documents" ALTER COLUMN "title" TYPE text;

-- cdb: destructive: drops column 'public.documents.meta' and its data
ALTER TABLE "documents" DROP COLUMN "meta";

