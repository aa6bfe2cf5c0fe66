-- +cdb upgrade
-- cdb: destructive: drops attribute 'fax' of type 'public.address' and its values in column 'public.contacts.home'
ALTER TYPE "address" DROP ATTRIBUTE "fax";


-- +cdb downgrade
ALTER TYPE "address" ADD ATTRIBUTE "fax" text;

