CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL REFERENCES rooms (id),
    during tstzrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT bookings_no_double EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled)
);
CREATE TABLE zones (
    id integer PRIMARY KEY,
    area circle NOT NULL
);
CREATE TABLE holds (
    id integer PRIMARY KEY,
    span int4range NOT NULL,
    CONSTRAINT holds_span_excl EXCLUDE USING gist (span WITH =)
);
