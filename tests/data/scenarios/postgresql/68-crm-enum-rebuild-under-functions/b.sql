CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE people (
    id integer PRIMARY KEY,
    name text NOT NULL,
    feeling mood NOT NULL DEFAULT 'ok'
);
CREATE TABLE mood_log (
    id integer PRIMARY KEY,
    note text,
    cheered boolean NOT NULL DEFAULT false
);
CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN m = 'sad' THEN 'ok'::mood ELSE m END $$;
COMMENT ON FUNCTION cheer(mood) IS 'sad becomes ok';
CREATE FUNCTION is_happy(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT m = 'happy'::mood;
END;
CREATE FUNCTION happy_count() RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM people WHERE feeling = 'happy'::mood $$;
CREATE PROCEDURE set_mood(p integer, m mood) LANGUAGE sql
    AS $$ UPDATE people SET feeling = m WHERE id = p $$;
CREATE FUNCTION mark_cheered() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m mood := 'happy';
BEGIN
    NEW.cheered := NEW.note = m::text;
    RETURN NEW;
END
$$;
CREATE TRIGGER mood_log_cheered BEFORE INSERT OR UPDATE ON mood_log
    FOR EACH ROW EXECUTE FUNCTION mark_cheered();
CREATE FUNCTION is_upset(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT m = 'sad'::mood;
END;
