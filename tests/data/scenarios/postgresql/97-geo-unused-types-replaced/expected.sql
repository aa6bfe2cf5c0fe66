-- +cdb upgrade
DROP COLLATION "loose";
CREATE COLLATION "loose" (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
COMMENT ON COLLATION "loose" IS 'level 1';

DROP TYPE "floatrange";
CREATE TYPE "floatrange" AS RANGE (subtype = double precision, subtype_diff = float8mi, multirange_type_name = "floatmultirange");

ALTER TYPE "label" ALTER ATTRIBUTE "txt" TYPE text COLLATE "C";

DROP TYPE "point3";
CREATE TYPE "point3" AS (
    "z" integer,
    "y" integer,
    "x" integer
);
COMMENT ON TYPE "point3" IS 'z, y, x';

COMMENT ON TYPE "label" IS 'a label';

COMMENT ON TYPE "point3" IS 'z, y, x';


-- +cdb downgrade
COMMENT ON TYPE "point3" IS 'x, y, z';

COMMENT ON TYPE "label" IS NULL;

DROP TYPE "point3";
CREATE TYPE "point3" AS (
    "x" integer,
    "y" integer,
    "z" integer
);
COMMENT ON TYPE "point3" IS 'x, y, z';

ALTER TYPE "label" ALTER ATTRIBUTE "txt" TYPE character varying(20);

DROP TYPE "floatrange";
CREATE TYPE "floatrange" AS RANGE (subtype = double precision, multirange_type_name = "floatmultirange");
COMMENT ON TYPE "floatrange" IS 'floats';

DROP COLLATION "loose";
CREATE COLLATION "loose" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION "loose" IS 'level 2';

