-- +cdb upgrade
CREATE COLLATION "byte_order" (provider = libc, lc_collate = 'C', lc_ctype = 'C');

CREATE COLLATION "case_insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION "case_insensitive" IS 'case-insensitive comparison';

CREATE TABLE "tags" (
    "id" integer NOT NULL,
    "label" text COLLATE public.byte_order NOT NULL,
    CONSTRAINT "tags_pkey" PRIMARY KEY (id),
    CONSTRAINT "tags_label_key" UNIQUE (label)
);

ALTER TABLE "contacts" ADD COLUMN "nickname" text COLLATE public.case_insensitive;

CREATE INDEX contacts_name_ci ON public.contacts USING btree (name COLLATE case_insensitive);


-- +cdb downgrade
DROP INDEX "contacts_name_ci";

-- cdb: destructive: drops column 'public.contacts.nickname' and its data
ALTER TABLE "contacts" DROP COLUMN "nickname";

-- cdb: destructive: drops table 'public.tags' and its rows
DROP TABLE "tags";

DROP COLLATION "case_insensitive";

DROP COLLATION "byte_order";

