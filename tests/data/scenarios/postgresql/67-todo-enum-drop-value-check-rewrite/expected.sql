-- +cdb upgrade
-- cdb: destructive: removes label 'dropped' from type 'task_state'; rows that hold it fail to convert
DROP INDEX "ix_task_archive_dropped";
DROP INDEX "ix_tasks_open";
ALTER TABLE "task_archive" DROP CONSTRAINT "task_archive_state_check";
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_state_check";
ALTER TYPE "task_state" RENAME TO "task_state__cdb_old";
CREATE TYPE "task_state" AS ENUM ('todo', 'doing', 'done');
ALTER TABLE "task_archive" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "task_archive" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'todo'::task_state;
ALTER TABLE "tasks" ALTER COLUMN "previous" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "previous" TYPE task_state USING "previous"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "last_state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "last_state" TYPE task_state USING "last_state"::text::task_state;
DROP TYPE "task_state__cdb_old";

DROP INDEX IF EXISTS "ix_task_archive_dropped";

DROP INDEX IF EXISTS "ix_tasks_open";

ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_state_check";

-- cdb: destructive: drops column 'public.tasks.last_state' and its data
ALTER TABLE "tasks" DROP COLUMN "last_state";

ALTER TABLE "tasks" ALTER COLUMN "previous" SET DEFAULT 'done'::task_state;

ALTER TABLE "tasks" ADD CONSTRAINT "tasks_state_check" CHECK (state <> 'done'::task_state OR id > 0);

CREATE INDEX ix_tasks_open ON public.tasks USING btree (id) WHERE (state <> 'done'::task_state);

-- cdb: destructive: drops table 'public.task_archive' and its rows
DROP TABLE "task_archive";


-- +cdb downgrade
CREATE TABLE "task_archive" (
    "id" integer NOT NULL,
    "state" task_state NOT NULL,
    CONSTRAINT "task_archive_pkey" PRIMARY KEY (id)
);

DROP INDEX "ix_tasks_open";

ALTER TABLE "tasks" DROP CONSTRAINT "tasks_state_check";

ALTER TABLE "tasks" ADD COLUMN "last_state" task_state;

ALTER TYPE "task_state" RENAME TO "task_state__cdb_old";
CREATE TYPE "task_state" AS ENUM ('todo', 'doing', 'done', 'dropped');
ALTER TABLE "task_archive" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "task_archive" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "task_archive" ALTER COLUMN "state" SET DEFAULT 'dropped'::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'todo'::task_state;
ALTER TABLE "tasks" ALTER COLUMN "previous" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "previous" TYPE task_state USING "previous"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "previous" SET DEFAULT 'dropped'::task_state;
ALTER TABLE "tasks" ALTER COLUMN "last_state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "last_state" TYPE task_state USING "last_state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "last_state" SET DEFAULT 'dropped'::task_state;
DROP TYPE "task_state__cdb_old";
ALTER TABLE "task_archive" ADD CONSTRAINT "task_archive_state_check" CHECK (state = ANY (ARRAY['done'::task_state, 'dropped'::task_state]));
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_state_check" CHECK (state <> 'dropped'::task_state);
CREATE INDEX ix_task_archive_dropped ON public.task_archive USING btree (id) WHERE (state = 'dropped'::task_state);
CREATE INDEX ix_tasks_open ON public.tasks USING btree (id) WHERE (state <> 'dropped'::task_state);

