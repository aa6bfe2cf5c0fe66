-- +cdb upgrade
DROP VIEW "calm_people";

-- cdb: destructive: removes label 'angry' from type 'mood'; rows that hold it fail to convert
DROP INDEX "ix_people_calm";
ALTER TABLE "people" DROP CONSTRAINT "people_late_happy";
DROP FUNCTION "is_calm"(m calm_mood);
ALTER TYPE "mood" RENAME TO "mood__cdb_old";
ALTER DOMAIN "calm_mood" RENAME TO "calm_mood__cdb_old";
CREATE TYPE "mood" AS ENUM ('happy', 'ok', 'sad');
CREATE DOMAIN "calm_mood" AS mood DEFAULT 'ok'::mood CONSTRAINT "calm_mood_not_sad" CHECK ((VALUE <> 'sad'::mood));
COMMENT ON DOMAIN "calm_mood" IS 'a mood that is not sad';
ALTER TABLE "people" ALTER COLUMN "feeling" TYPE calm_mood USING "feeling"::text::calm_mood;
ALTER TABLE "people" ALTER COLUMN "past" TYPE calm_mood[] USING "past"::text[]::calm_mood[];
ALTER TABLE "people" ALTER COLUMN "raw" TYPE mood USING "raw"::text::mood;
DROP DOMAIN "calm_mood__cdb_old";
DROP TYPE "mood__cdb_old";
CREATE OR REPLACE FUNCTION public.is_calm(m calm_mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT m::mood = 'ok' $function$;
ALTER TABLE "people" ADD CONSTRAINT "people_late_happy" CHECK (feeling::mood <> 'happy'::mood OR id > 2);
CREATE INDEX ix_people_calm ON public.people USING btree (id) WHERE ((feeling)::mood = 'ok'::mood);

CREATE VIEW "calm_people" AS
SELECT people.id,
    people.feeling
   FROM people
  WHERE people.feeling::mood <> 'happy'::mood;


-- +cdb downgrade
DROP VIEW "calm_people";

DROP INDEX "ix_people_calm";
ALTER TABLE "people" DROP CONSTRAINT "people_late_happy";
DROP FUNCTION "is_calm"(m calm_mood);
ALTER TYPE "mood" RENAME TO "mood__cdb_old";
ALTER DOMAIN "calm_mood" RENAME TO "calm_mood__cdb_old";
CREATE TYPE "mood" AS ENUM ('happy', 'ok', 'sad', 'angry');
CREATE DOMAIN "calm_mood" AS mood DEFAULT 'ok'::mood CONSTRAINT "calm_mood_not_sad" CHECK ((VALUE <> 'sad'::mood));
COMMENT ON DOMAIN "calm_mood" IS 'a mood that is not sad';
ALTER TABLE "people" ALTER COLUMN "feeling" TYPE calm_mood USING "feeling"::text::calm_mood;
ALTER TABLE "people" ALTER COLUMN "past" TYPE calm_mood[] USING "past"::text[]::calm_mood[];
ALTER TABLE "people" ALTER COLUMN "raw" TYPE mood USING "raw"::text::mood;
DROP DOMAIN "calm_mood__cdb_old";
DROP TYPE "mood__cdb_old";
CREATE OR REPLACE FUNCTION public.is_calm(m calm_mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT m::mood = 'ok' $function$;
ALTER TABLE "people" ADD CONSTRAINT "people_late_happy" CHECK (feeling::mood <> 'happy'::mood OR id > 2);
CREATE INDEX ix_people_calm ON public.people USING btree (id) WHERE ((feeling)::mood = 'ok'::mood);

CREATE VIEW "calm_people" AS
SELECT people.id,
    people.feeling
   FROM people
  WHERE people.feeling::mood <> 'happy'::mood;

