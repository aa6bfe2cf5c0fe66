-- +cdb upgrade
CREATE EXTENSION IF NOT EXISTS "btree_gist" SCHEMA "public";

ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_double" EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled);

ALTER TABLE "holds" DROP CONSTRAINT "holds_span_excl";

ALTER TABLE "holds" ADD CONSTRAINT "holds_span_excl" EXCLUDE USING gist (span WITH =);

ALTER TABLE "zones" DROP CONSTRAINT "zones_no_overlap";


-- +cdb downgrade
ALTER TABLE "zones" ADD CONSTRAINT "zones_no_overlap" EXCLUDE USING gist (area WITH &&);

ALTER TABLE "holds" DROP CONSTRAINT "holds_span_excl";

ALTER TABLE "holds" ADD CONSTRAINT "holds_span_excl" EXCLUDE USING gist (span WITH &&);

ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_double";

DROP EXTENSION "btree_gist";

