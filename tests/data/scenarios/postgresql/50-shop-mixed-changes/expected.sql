-- +cdb upgrade
CREATE TYPE "media_kind" AS ENUM ('image', 'video');

DROP INDEX "ix_comments_body";

CREATE TABLE "media" (
    "id" integer NOT NULL,
    "url" text NOT NULL,
    "kind" media_kind DEFAULT 'image'::media_kind NOT NULL,
    CONSTRAINT "media_pkey" PRIMARY KEY (id),
    CONSTRAINT "media_url_key" UNIQUE (url)
);

ALTER TABLE "comments" ADD COLUMN "approved" boolean DEFAULT false NOT NULL;

ALTER TABLE "comments" ADD CONSTRAINT "comments_body_check" CHECK (body <> ''::text);

-- cdb: destructive: drops column 'public.posts.legacy_flag' and its data
ALTER TABLE "posts" DROP COLUMN "legacy_flag";

ALTER TABLE "posts" ADD COLUMN "media_id" integer;

ALTER TABLE "posts" ADD CONSTRAINT "posts_media_id_fkey" FOREIGN KEY (media_id) REFERENCES media(id);


-- +cdb downgrade
ALTER TABLE "posts" DROP CONSTRAINT "posts_media_id_fkey";

-- cdb: destructive: drops column 'public.posts.media_id' and its data
ALTER TABLE "posts" DROP COLUMN "media_id";

ALTER TABLE "posts" ADD COLUMN "legacy_flag" boolean;

ALTER TABLE "comments" DROP CONSTRAINT "comments_body_check";

-- cdb: destructive: drops column 'public.comments.approved' and its data
ALTER TABLE "comments" DROP COLUMN "approved";

-- cdb: destructive: drops table 'public.media' and its rows
DROP TABLE "media";

CREATE INDEX ix_comments_body ON public.comments USING btree (body);

-- cdb: destructive: drops type 'public.media_kind'
DROP TYPE "media_kind";

