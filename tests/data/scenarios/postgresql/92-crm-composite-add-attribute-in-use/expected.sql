-- +cdb upgrade
ALTER TYPE "address" ADD ATTRIBUTE "zip" character(5);
ALTER TYPE "address" ADD ATTRIBUTE "country" text COLLATE "C";

COMMENT ON TYPE "address" IS 'postal address, zip and country added';


-- +cdb downgrade
COMMENT ON TYPE "address" IS 'postal address';

-- cdb: destructive: drops attribute 'zip' of type 'public.address' and its values in column 'public.contacts.home'
ALTER TYPE "address" DROP ATTRIBUTE "zip";
ALTER TYPE "address" DROP ATTRIBUTE "country";

