-- +cdb upgrade
DROP VIEW "sensor1_2024";

ALTER TABLE "readings" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;

CREATE VIEW "sensor1_2024" AS
SELECT readings_2024_s1.taken_on,
    readings_2024_s1.value
   FROM readings_2024_s1;


-- +cdb downgrade
DROP VIEW "sensor1_2024";

-- cdb: destructive: changes column 'public.readings.value' from bigint to integer, which may truncate or fail to convert values
ALTER TABLE "readings" ALTER COLUMN "value" TYPE integer USING "value"::integer;

CREATE VIEW "sensor1_2024" AS
SELECT readings_2024_s1.taken_on,
    readings_2024_s1.value
   FROM readings_2024_s1;

