-- +cdb upgrade
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_account_fkey";

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_fkey" FOREIGN KEY (account_region, account_number) REFERENCES accounts(region, number) MATCH FULL;

ALTER TABLE "deals" DROP CONSTRAINT "deals_account_fkey";

ALTER TABLE "deals" DROP CONSTRAINT "deals_contact_id_fkey";

ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_id_fkey" FOREIGN KEY (contact_id) REFERENCES contacts(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_fkey" FOREIGN KEY (owner_id) REFERENCES contacts(id) ON UPDATE CASCADE DEFERRABLE;


-- +cdb downgrade
ALTER TABLE "deals" DROP CONSTRAINT "deals_owner_fkey";

ALTER TABLE "deals" DROP CONSTRAINT "deals_contact_id_fkey";

ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_id_fkey" FOREIGN KEY (contact_id) REFERENCES contacts(id);

ALTER TABLE "deals" ADD CONSTRAINT "deals_account_fkey" FOREIGN KEY (account_region, account_number) REFERENCES accounts(region, number) MATCH FULL ON DELETE CASCADE;

ALTER TABLE "contacts" DROP CONSTRAINT "contacts_account_fkey";

ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_fkey" FOREIGN KEY (account_region, account_number) REFERENCES accounts(region, number);

