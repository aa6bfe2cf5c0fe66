-- +cdb upgrade
ALTER TABLE "posts" RENAME TO "articles";

CREATE TABLE "posts" (
    "id" integer NOT NULL,
    "note" text,
    CONSTRAINT "posts_pkey1" PRIMARY KEY (id)
);


-- +cdb downgrade
-- cdb: destructive: drops table 'public.posts' and its rows
DROP TABLE "posts";

ALTER TABLE "articles" RENAME TO "posts";

