-- +cdb upgrade
ALTER TABLE "deals" ADD COLUMN "owner_id" integer;

ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_id_fkey" FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE SET NULL;

ALTER TABLE "deals" ADD CONSTRAINT "fk_deals_owner" FOREIGN KEY (owner_id) REFERENCES users(id);


-- +cdb downgrade
ALTER TABLE "deals" DROP CONSTRAINT "fk_deals_owner";

ALTER TABLE "deals" DROP CONSTRAINT "deals_contact_id_fkey";

-- cdb: destructive: drops column 'public.deals.owner_id' and its data
ALTER TABLE "deals" DROP COLUMN "owner_id";

