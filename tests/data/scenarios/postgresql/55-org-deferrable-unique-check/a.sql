CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room text NOT NULL,
    slot integer NOT NULL,
    starts integer NOT NULL,
    ends integer NOT NULL,
    who text NOT NULL,
    CONSTRAINT uq_bookings_room_slot UNIQUE (room, slot)
);
