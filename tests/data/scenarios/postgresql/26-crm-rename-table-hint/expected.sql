-- +cdb upgrade
ALTER TABLE "clients" RENAME TO "customers";


-- +cdb downgrade
ALTER TABLE "customers" RENAME TO "clients";

