-- +cdb upgrade
DROP VIEW "top_posts";

DROP VIEW "post_summaries";

ALTER TABLE "posts" ALTER COLUMN "title" TYPE text USING "title"::text;

ALTER TABLE "posts" ALTER COLUMN "views" DROP DEFAULT;
ALTER TABLE "posts" ALTER COLUMN "views" TYPE bigint USING "views"::bigint;
ALTER TABLE "posts" ALTER COLUMN "views" SET DEFAULT 0;

CREATE VIEW "post_summaries" AS
SELECT posts.id,
    posts.title,
    posts.views
   FROM posts;

CREATE VIEW "top_posts" AS
SELECT post_summaries.id,
    post_summaries.title
   FROM post_summaries
  WHERE post_summaries.views > 10;


-- +cdb downgrade
DROP VIEW "top_posts";

DROP VIEW "post_summaries";

-- cdb: destructive: changes column 'public.posts.views' from bigint to integer, which may truncate or fail to convert values
ALTER TABLE "posts" ALTER COLUMN "views" DROP DEFAULT;
ALTER TABLE "posts" ALTER COLUMN "views" TYPE integer USING "views"::integer;
ALTER TABLE "posts" ALTER COLUMN "views" SET DEFAULT 0;

-- cdb: destructive: changes column 'public.posts.title' from text to character varying(100), which may truncate or fail to convert values
ALTER TABLE "posts" ALTER COLUMN "title" TYPE character varying(100) USING "title"::character varying;

CREATE VIEW "post_summaries" AS
SELECT posts.id,
    posts.title,
    posts.views
   FROM posts;

CREATE VIEW "top_posts" AS
SELECT post_summaries.id,
    post_summaries.title
   FROM post_summaries
  WHERE post_summaries.views > 10;

