-- +cdb upgrade
-- cdb: destructive: removes label 'angry' from type 'mood'; rows that hold it fail to convert
DROP TRIGGER "mood_log_cheered" ON "mood_log";
DROP FUNCTION "cheer"(m mood);
DROP FUNCTION "happy_count"();
DROP FUNCTION "is_angry"(m mood);
DROP FUNCTION "is_happy"(m mood);
DROP FUNCTION "is_upset"(m mood);
DROP FUNCTION "mark_cheered"();
DROP PROCEDURE "set_mood"(IN p integer, IN m mood);
ALTER TYPE "mood" RENAME TO "mood__cdb_old";
CREATE TYPE "mood" AS ENUM ('happy', 'ok', 'sad');
ALTER TABLE "people" ALTER COLUMN "feeling" DROP DEFAULT;
ALTER TABLE "people" ALTER COLUMN "feeling" TYPE mood USING "feeling"::text::mood;
ALTER TABLE "people" ALTER COLUMN "feeling" SET DEFAULT 'ok'::mood;
DROP TYPE "mood__cdb_old";
CREATE OR REPLACE FUNCTION public.cheer(m mood)
 RETURNS mood
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN m = 'sad' THEN 'ok'::mood ELSE m END $function$;
COMMENT ON FUNCTION "cheer"(m mood) IS 'sad becomes ok';
CREATE OR REPLACE FUNCTION public.happy_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*) FROM people WHERE feeling = 'happy'::mood $function$;
CREATE OR REPLACE FUNCTION public.is_happy(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC
 SELECT (m = 'happy'::mood);
END;
CREATE OR REPLACE FUNCTION public.is_upset(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC
 SELECT (m = 'sad'::mood);
END;
CREATE OR REPLACE FUNCTION public.mark_cheered()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    m mood := 'happy';
BEGIN
    NEW.cheered := NEW.note = m::text;
    RETURN NEW;
END
$function$;
CREATE OR REPLACE PROCEDURE public.set_mood(IN p integer, IN m mood)
 LANGUAGE sql
AS $procedure$ UPDATE people SET feeling = m WHERE id = p $procedure$;
CREATE TRIGGER mood_log_cheered BEFORE INSERT OR UPDATE ON mood_log FOR EACH ROW EXECUTE FUNCTION mark_cheered();


-- +cdb downgrade
DROP TRIGGER "mood_log_cheered" ON "mood_log";
DROP FUNCTION "cheer"(m mood);
DROP FUNCTION "happy_count"();
DROP FUNCTION "is_happy"(m mood);
DROP FUNCTION "is_upset"(m mood);
DROP FUNCTION "mark_cheered"();
DROP PROCEDURE "set_mood"(IN p integer, IN m mood);
ALTER TYPE "mood" RENAME TO "mood__cdb_old";
CREATE TYPE "mood" AS ENUM ('happy', 'ok', 'sad', 'angry');
ALTER TABLE "people" ALTER COLUMN "feeling" DROP DEFAULT;
ALTER TABLE "people" ALTER COLUMN "feeling" TYPE mood USING "feeling"::text::mood;
ALTER TABLE "people" ALTER COLUMN "feeling" SET DEFAULT 'ok'::mood;
DROP TYPE "mood__cdb_old";
CREATE OR REPLACE FUNCTION public.cheer(m mood)
 RETURNS mood
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN m = 'sad' THEN 'ok'::mood ELSE m END $function$;
COMMENT ON FUNCTION "cheer"(m mood) IS 'sad becomes ok';
CREATE OR REPLACE FUNCTION public.happy_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*) FROM people WHERE feeling = 'happy'::mood $function$;
CREATE OR REPLACE FUNCTION public.is_angry(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT m = 'angry'::mood $function$;
CREATE OR REPLACE FUNCTION public.is_happy(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC
 SELECT (m = 'happy'::mood);
END;
CREATE OR REPLACE FUNCTION public.is_upset(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC
 SELECT ((m = 'sad'::mood) OR (m = 'angry'::mood));
END;
CREATE OR REPLACE FUNCTION public.mark_cheered()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    m mood := 'happy';
BEGIN
    NEW.cheered := NEW.note = m::text;
    RETURN NEW;
END
$function$;
CREATE OR REPLACE PROCEDURE public.set_mood(IN p integer, IN m mood)
 LANGUAGE sql
AS $procedure$ UPDATE people SET feeling = m WHERE id = p $procedure$;
CREATE TRIGGER mood_log_cheered BEFORE INSERT OR UPDATE ON mood_log FOR EACH ROW EXECUTE FUNCTION mark_cheered();

