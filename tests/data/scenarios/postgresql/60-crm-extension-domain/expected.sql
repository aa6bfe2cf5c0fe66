-- +cdb upgrade
CREATE EXTENSION IF NOT EXISTS "citext" SCHEMA "public";

CREATE DOMAIN "email_address" AS citext CONSTRAINT "email_address_check" CHECK ((VALUE ~ '^[^@]+@[^@]+$'::citext));

ALTER TABLE "contacts" ADD COLUMN "handle" citext;

ALTER TABLE "contacts" ADD COLUMN "email" email_address;

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_handle_key" UNIQUE (handle);


-- +cdb downgrade
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_handle_key";

-- cdb: destructive: drops column 'public.contacts.email' and its data
ALTER TABLE "contacts" DROP COLUMN "email";

-- cdb: destructive: drops column 'public.contacts.handle' and its data
ALTER TABLE "contacts" DROP COLUMN "handle";

DROP DOMAIN "email_address";

DROP EXTENSION "citext";

