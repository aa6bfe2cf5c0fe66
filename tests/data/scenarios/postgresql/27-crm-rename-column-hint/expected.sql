-- +cdb upgrade
ALTER TABLE "customers" DROP CONSTRAINT "ck_customers_mail";

ALTER TABLE "customers" RENAME COLUMN "fullname" TO "name";

ALTER TABLE "customers" RENAME COLUMN "mail" TO "email";

ALTER TABLE "customers" ADD CONSTRAINT "ck_customers_mail" CHECK (email ~~ '%@%'::text);


-- +cdb downgrade
ALTER TABLE "customers" DROP CONSTRAINT "ck_customers_mail";

ALTER TABLE "customers" RENAME COLUMN "email" TO "mail";

ALTER TABLE "customers" RENAME COLUMN "name" TO "fullname";

ALTER TABLE "customers" ADD CONSTRAINT "ck_customers_mail" CHECK (mail ~~ '%@%'::text);

