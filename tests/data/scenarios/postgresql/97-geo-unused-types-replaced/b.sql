CREATE COLLATION loose (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE point3 AS (z integer, y integer, x integer);
CREATE TYPE label AS (txt text COLLATE "C", lang text);
CREATE TABLE sensors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
COMMENT ON COLLATION loose IS 'level 1';
COMMENT ON TYPE point3 IS 'z, y, x';
COMMENT ON TYPE label IS 'a label';
