-- +cdb upgrade
CREATE TYPE "address" AS (
    "street" text,
    "city" character varying(60),
    "zip" character(5)
);
COMMENT ON TYPE "address" IS 'postal address';

CREATE TABLE "shipments" (
    "id" integer NOT NULL,
    "contact_id" integer NOT NULL,
    "destination" address NOT NULL,
    "stops" address[],
    CONSTRAINT "shipments_pkey" PRIMARY KEY (id),
    CONSTRAINT "shipments_contact_id_fkey" FOREIGN KEY (contact_id) REFERENCES contacts(id)
);

ALTER TABLE "contacts" ADD COLUMN "billing" address;


-- +cdb downgrade
-- cdb: destructive: drops column 'public.contacts.billing' and its data
ALTER TABLE "contacts" DROP COLUMN "billing";

-- cdb: destructive: drops table 'public.shipments' and its rows
DROP TABLE "shipments";

DROP TYPE "address";

