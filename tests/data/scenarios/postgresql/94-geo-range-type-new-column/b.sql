CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE sensors (
    id integer PRIMARY KEY,
    label text NOT NULL,
    valid_span floatrange
);
CREATE TABLE calibrations (
    id integer PRIMARY KEY,
    sensor_id integer NOT NULL REFERENCES sensors (id),
    span floatrange NOT NULL,
    spans floatmultirange,
    EXCLUDE USING gist (span WITH &&)
);
COMMENT ON TYPE floatrange IS 'a span of floats';
