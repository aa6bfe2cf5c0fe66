-- +cdb upgrade
CREATE TYPE "floatrange" AS RANGE (subtype = double precision, subtype_diff = float8mi, multirange_type_name = "floatmultirange");
COMMENT ON TYPE "floatrange" IS 'a span of floats';

CREATE TABLE "calibrations" (
    "id" integer NOT NULL,
    "sensor_id" integer NOT NULL,
    "span" floatrange NOT NULL,
    "spans" floatmultirange,
    CONSTRAINT "calibrations_pkey" PRIMARY KEY (id),
    CONSTRAINT "calibrations_sensor_id_fkey" FOREIGN KEY (sensor_id) REFERENCES sensors(id),
    CONSTRAINT "calibrations_span_excl" EXCLUDE USING gist (span WITH &&)
);

ALTER TABLE "sensors" ADD COLUMN "valid_span" floatrange;


-- +cdb downgrade
-- cdb: destructive: drops column 'public.sensors.valid_span' and its data
ALTER TABLE "sensors" DROP COLUMN "valid_span";

-- cdb: destructive: drops table 'public.calibrations' and its rows
DROP TABLE "calibrations";

DROP TYPE "floatrange";

