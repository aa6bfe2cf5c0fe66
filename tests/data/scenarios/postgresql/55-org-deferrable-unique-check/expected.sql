-- +cdb upgrade
ALTER TABLE "bookings" DROP CONSTRAINT "uq_bookings_room_slot";

ALTER TABLE "bookings" ALTER COLUMN "who" SET DEFAULT 'nobody'::text;

ALTER TABLE "bookings" ADD CONSTRAINT "uq_bookings_room_slot" UNIQUE (room, slot) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE "bookings" ADD CONSTRAINT "ck_bookings_span" CHECK (ends > starts AND (ends - starts) <= 8);


-- +cdb downgrade
ALTER TABLE "bookings" DROP CONSTRAINT "ck_bookings_span";

ALTER TABLE "bookings" DROP CONSTRAINT "uq_bookings_room_slot";

ALTER TABLE "bookings" ALTER COLUMN "who" DROP DEFAULT;

ALTER TABLE "bookings" ADD CONSTRAINT "uq_bookings_room_slot" UNIQUE (room, slot);

