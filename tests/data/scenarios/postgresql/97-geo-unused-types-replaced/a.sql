CREATE COLLATION loose (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE point3 AS (x integer, y integer, z integer);
CREATE TYPE label AS (txt varchar(20), lang text);
CREATE TABLE sensors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
COMMENT ON COLLATION loose IS 'level 2';
COMMENT ON TYPE point3 IS 'x, y, z';
COMMENT ON TYPE floatrange IS 'floats';
