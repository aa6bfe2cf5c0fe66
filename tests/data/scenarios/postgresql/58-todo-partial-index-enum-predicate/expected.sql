-- +cdb upgrade
DROP INDEX "ix_tasks_open";
ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_owner";
ALTER TYPE "task_state" RENAME TO "task_state__cdb_old";
CREATE TYPE "task_state" AS ENUM ('todo', 'doing', 'done', 'blocked');
ALTER TABLE "tasks" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'todo'::task_state;
DROP TYPE "task_state__cdb_old";
ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_owner" CHECK (state = 'todo'::task_state OR owner IS NOT NULL);
CREATE INDEX ix_tasks_open ON public.tasks USING btree (owner) WHERE (state <> 'done'::task_state);

CREATE INDEX ix_tasks_blocked ON public.tasks USING btree (id) WHERE (state = 'blocked'::task_state);


-- +cdb downgrade
DROP INDEX "ix_tasks_blocked";

-- cdb: destructive: removes label 'blocked' from type 'task_state'; rows that hold it fail to convert
DROP INDEX "ix_tasks_open";
ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_owner";
ALTER TYPE "task_state" RENAME TO "task_state__cdb_old";
CREATE TYPE "task_state" AS ENUM ('todo', 'doing', 'done');
ALTER TABLE "tasks" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "state" TYPE task_state USING "state"::text::task_state;
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'todo'::task_state;
DROP TYPE "task_state__cdb_old";
ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_owner" CHECK (state = 'todo'::task_state OR owner IS NOT NULL);
CREATE INDEX ix_tasks_open ON public.tasks USING btree (owner) WHERE (state <> 'done'::task_state);

