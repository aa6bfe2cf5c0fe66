-- +cdb upgrade
ALTER TABLE "contacts" DROP CONSTRAINT "uq_contacts_code";

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_email_key" UNIQUE (company_id, email);

ALTER TABLE "contacts" ADD CONSTRAINT "uq_contacts_code" UNIQUE (code, company_id);


-- +cdb downgrade
ALTER TABLE "contacts" DROP CONSTRAINT "uq_contacts_code";

ALTER TABLE "contacts" DROP CONSTRAINT "contacts_company_id_email_key";

ALTER TABLE "contacts" ADD CONSTRAINT "uq_contacts_code" UNIQUE (company_id, code);

