-- +cdb upgrade
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_api_token_key";

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_email_key" UNIQUE (email);

ALTER TABLE "contacts" ADD CONSTRAINT "uq_contacts_phone" UNIQUE (phone);


-- +cdb downgrade
ALTER TABLE "contacts" DROP CONSTRAINT "uq_contacts_phone";

ALTER TABLE "contacts" DROP CONSTRAINT "contacts_email_key";

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_api_token_key" UNIQUE (api_token);

