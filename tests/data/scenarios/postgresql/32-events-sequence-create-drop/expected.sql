-- +cdb upgrade
CREATE SEQUENCE "ticket_no_seq" AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

ALTER TABLE "tickets" ADD COLUMN "number" bigint DEFAULT nextval('ticket_no_seq'::regclass) NOT NULL;

ALTER TABLE "tickets" ADD CONSTRAINT "tickets_number_key" UNIQUE (number);

DROP SEQUENCE "badge_no_seq";


-- +cdb downgrade
CREATE SEQUENCE "badge_no_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1 NO CYCLE;

ALTER TABLE "tickets" DROP CONSTRAINT "tickets_number_key";

-- cdb: destructive: drops column 'public.tickets.number' and its data
ALTER TABLE "tickets" DROP COLUMN "number";

DROP SEQUENCE "ticket_no_seq";

