-- +cdb upgrade
DROP VIEW "contact_counts";

ALTER DOMAIN "email" RENAME TO "email__cdb_old";
CREATE DOMAIN "email" AS text CONSTRAINT "email_has_at" CHECK ((VALUE ~~ '%@%'::text));
ALTER TABLE "contacts" ALTER COLUMN "main" TYPE email;
ALTER TABLE "contacts" ALTER COLUMN "others" DROP DEFAULT;
ALTER TABLE "contacts" ALTER COLUMN "others" TYPE email[];
ALTER TABLE "contacts" ALTER COLUMN "others" SET DEFAULT '{}'::email[];
DROP DOMAIN "email__cdb_old";

CREATE VIEW "contact_counts" AS
SELECT contacts.id,
    cardinality(contacts.others) AS n
   FROM contacts;


-- +cdb downgrade
DROP VIEW "contact_counts";

ALTER DOMAIN "email" RENAME TO "email__cdb_old";
CREATE DOMAIN "email" AS text CONSTRAINT "email_not_blank" CHECK ((VALUE <> ''::text));
ALTER TABLE "contacts" ALTER COLUMN "main" TYPE email;
ALTER TABLE "contacts" ALTER COLUMN "others" DROP DEFAULT;
ALTER TABLE "contacts" ALTER COLUMN "others" TYPE email[];
ALTER TABLE "contacts" ALTER COLUMN "others" SET DEFAULT '{}'::email[];
DROP DOMAIN "email__cdb_old";

CREATE VIEW "contact_counts" AS
SELECT contacts.id,
    cardinality(contacts.others) AS n
   FROM contacts;

