-- +cdb upgrade
ALTER TABLE "drafts" ALTER COLUMN "id" DROP DEFAULT;

CREATE TABLE "notes" (
    "id" integer DEFAULT nextval('drafts_id_seq'::regclass) NOT NULL,
    "body" text,
    CONSTRAINT "notes_pkey" PRIMARY KEY (id)
);

ALTER SEQUENCE "drafts_id_seq" OWNED BY "notes"."id";


-- +cdb downgrade
ALTER SEQUENCE "drafts_id_seq" OWNED BY "drafts"."id";

-- cdb: destructive: drops table 'public.notes' and its rows
DROP TABLE "notes";

ALTER TABLE "drafts" ALTER COLUMN "id" SET DEFAULT nextval('drafts_id_seq'::regclass);
SELECT setval(pg_get_serial_sequence('"drafts"', 'id'), max("id") + 1, false) FROM "drafts" HAVING max("id") IS NOT NULL;

