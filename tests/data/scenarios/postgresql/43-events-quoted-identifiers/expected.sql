-- +cdb upgrade
ALTER TABLE "Event Venues" ADD COLUMN "Max ""Capacity""" integer;

ALTER TABLE "RSVP" ADD COLUMN "group" text DEFAULT 'a''b'::text;

ALTER TABLE "RSVP" ADD CONSTRAINT "RSVP_Venue_Guest Name_key" UNIQUE ("Venue", "Guest Name");

ALTER TABLE "RSVP" ADD CONSTRAINT "RSVP_Venue_fkey" FOREIGN KEY ("Venue") REFERENCES "Event Venues"("Venue ID");

CREATE INDEX "IX Venue Name" ON public."Event Venues" USING btree ("Venue Name");


-- +cdb downgrade
DROP INDEX "IX Venue Name";

ALTER TABLE "RSVP" DROP CONSTRAINT "RSVP_Venue_fkey";

ALTER TABLE "RSVP" DROP CONSTRAINT "RSVP_Venue_Guest Name_key";

-- cdb: destructive: drops column 'public.RSVP.group' and its data
ALTER TABLE "RSVP" DROP COLUMN "group";

-- cdb: destructive: drops column 'public.Event Venues.Max "Capacity"' and its data
ALTER TABLE "Event Venues" DROP COLUMN "Max ""Capacity""";

