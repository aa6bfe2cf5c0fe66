CREATE TABLE rooms (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL REFERENCES rooms (id),
    during tstzrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false
);
CREATE TABLE zones (
    id integer PRIMARY KEY,
    area circle NOT NULL,
    CONSTRAINT zones_no_overlap EXCLUDE USING gist (area WITH &&)
);
CREATE TABLE holds (
    id integer PRIMARY KEY,
    span int4range NOT NULL,
    CONSTRAINT holds_span_excl EXCLUDE USING gist (span WITH &&)
);
