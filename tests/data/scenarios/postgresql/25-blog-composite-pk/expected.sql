-- +cdb upgrade
DROP INDEX "ux_post_tags";

ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_pkey";

-- cdb: destructive: drops column 'public.post_tags.id' and its data
ALTER TABLE "post_tags" DROP COLUMN "id";

ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_pkey" PRIMARY KEY (post_id, tag_id);


-- +cdb downgrade
ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_pkey";

CREATE SEQUENCE "post_tags_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
ALTER TABLE "post_tags" ADD COLUMN "id" integer DEFAULT nextval('post_tags_id_seq'::regclass) NOT NULL;
ALTER SEQUENCE "post_tags_id_seq" OWNED BY "post_tags"."id";

ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_pkey" PRIMARY KEY (id);

CREATE UNIQUE INDEX ux_post_tags ON public.post_tags USING btree (post_id, tag_id);

