-- +cdb upgrade
DROP VIEW "post_titles";

DROP VIEW "post_scores";

-- cdb: destructive: drops column 'public.posts.legacy_score' and its data
ALTER TABLE "posts" DROP COLUMN "legacy_score";

ALTER TABLE "posts" ALTER COLUMN "title" TYPE character varying(200) USING "title"::character varying;

CREATE VIEW "post_scores" AS
SELECT posts.id,
    posts.score
   FROM posts;

CREATE VIEW "post_titles" AS
SELECT posts.id,
    posts.title
   FROM posts;


-- +cdb downgrade
DROP VIEW "post_titles";

DROP VIEW "post_scores";

-- cdb: destructive: changes column 'public.posts.title' from character varying(200) to character varying(80), which may truncate or fail to convert values
ALTER TABLE "posts" ALTER COLUMN "title" TYPE character varying(80) USING "title"::character varying;

ALTER TABLE "posts" ADD COLUMN "legacy_score" integer;

CREATE VIEW "post_scores" AS
SELECT posts.id,
    posts.score,
    posts.legacy_score
   FROM posts;

CREATE VIEW "post_titles" AS
SELECT posts.id,
    posts.title
   FROM posts;

