CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad', 'angry');
CREATE DOMAIN calm_mood AS mood DEFAULT 'ok'
    CONSTRAINT calm_mood_not_sad CHECK (VALUE <> 'sad');
COMMENT ON DOMAIN calm_mood IS 'a mood that is not sad';
CREATE TABLE people (
    id integer PRIMARY KEY,
    feeling calm_mood NOT NULL,
    past calm_mood[],
    raw mood,
    CONSTRAINT people_late_happy CHECK (feeling::mood <> 'happy' OR id > 2)
);
CREATE INDEX ix_people_calm ON people (id) WHERE feeling::mood = 'ok';
CREATE VIEW calm_people AS SELECT id, feeling FROM people WHERE feeling::mood <> 'happy';
CREATE FUNCTION is_calm(m calm_mood) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS $$ SELECT m::mood = 'ok' $$;
