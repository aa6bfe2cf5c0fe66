CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room text NOT NULL,
    slot integer NOT NULL,
    starts integer NOT NULL,
    ends integer NOT NULL,
    who text NOT NULL DEFAULT 'nobody',
    CONSTRAINT uq_bookings_room_slot UNIQUE (room, slot) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT ck_bookings_span CHECK (ends > starts AND ends - starts <= 8)
);
