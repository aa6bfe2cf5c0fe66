-- +cdb upgrade
ALTER TABLE "employees" ADD CONSTRAINT "employees_manager_id_fkey" FOREIGN KEY (manager_id) REFERENCES employees(id) ON DELETE SET NULL;

CREATE INDEX ix_employees_manager ON public.employees USING btree (manager_id);


-- +cdb downgrade
DROP INDEX "ix_employees_manager";

ALTER TABLE "employees" DROP CONSTRAINT "employees_manager_id_fkey";

