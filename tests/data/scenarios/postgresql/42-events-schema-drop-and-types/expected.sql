-- +cdb upgrade
-- cdb: the new value cannot be used before this revision commits
ALTER TYPE "audit"."level" ADD VALUE 'error';

ALTER TABLE "audit"."entries" ADD CONSTRAINT "entries_user_id_fkey" FOREIGN KEY (user_id) REFERENCES users(id);

-- cdb: destructive: drops table 'legacy.settings' and its rows
DROP TABLE "legacy"."settings";

-- cdb: destructive: drops type 'legacy.flag'
DROP TYPE "legacy"."flag";

DROP SCHEMA "legacy";


-- +cdb downgrade
CREATE SCHEMA "legacy";

CREATE TYPE "legacy"."flag" AS ENUM ('on', 'off');

CREATE TABLE "legacy"."settings" (
    "id" integer NOT NULL,
    "flag" legacy.flag,
    CONSTRAINT "settings_pkey" PRIMARY KEY (id)
);

ALTER TABLE "audit"."entries" DROP CONSTRAINT "entries_user_id_fkey";

-- cdb: destructive: removes label 'error' from type 'level'; rows that hold it fail to convert
ALTER TYPE "audit"."level" RENAME TO "level__cdb_old";
CREATE TYPE "audit"."level" AS ENUM ('info', 'warn');
ALTER TABLE "audit"."entries" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "audit"."entries" ALTER COLUMN "level" TYPE audit.level USING "level"::text::audit.level;
ALTER TABLE "audit"."entries" ALTER COLUMN "level" SET DEFAULT 'info'::audit.level;
DROP TYPE "audit"."level__cdb_old";

