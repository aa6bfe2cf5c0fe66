-- +cdb upgrade
ALTER TABLE "deals" DROP CONSTRAINT "deals_contact_id_fkey";


-- +cdb downgrade
ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_id_fkey" FOREIGN KEY (contact_id) REFERENCES contacts(id);

