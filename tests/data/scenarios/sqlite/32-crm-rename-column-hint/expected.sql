-- +cdb upgrade
ALTER TABLE "customers" RENAME COLUMN "fullname" TO "name";
ALTER TABLE "customers" RENAME COLUMN "mail" TO "email";


-- +cdb downgrade
ALTER TABLE "customers" RENAME COLUMN "email" TO "mail";
ALTER TABLE "customers" RENAME COLUMN "name" TO "fullname";

