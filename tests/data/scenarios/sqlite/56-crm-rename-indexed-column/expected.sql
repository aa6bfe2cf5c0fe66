-- +cdb upgrade
ALTER TABLE "contacts" RENAME COLUMN "mail" TO "email";
ALTER TABLE "contacts" RENAME COLUMN "full name" TO "display_name";


-- +cdb downgrade
ALTER TABLE "contacts" RENAME COLUMN "display_name" TO "full name";
ALTER TABLE "contacts" RENAME COLUMN "email" TO "mail";

