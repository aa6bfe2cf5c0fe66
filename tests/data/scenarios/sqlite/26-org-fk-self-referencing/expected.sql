-- +cdb upgrade
-- rebuild table 'employees' (add foreign key (manager_id) -> 'employees' on 'employees')
CREATE TABLE "_cdb_new_employees" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    manager_id INTEGER REFERENCES employees (id) ON DELETE SET NULL
);
INSERT INTO "_cdb_new_employees" ("id", "name", "manager_id") SELECT "id", "name", "manager_id" FROM "employees";
DROP TABLE "employees";
ALTER TABLE "_cdb_new_employees" RENAME TO "employees";
CREATE INDEX ix_employees_manager ON employees (manager_id);


-- +cdb downgrade
DROP INDEX "ix_employees_manager";
-- rebuild table 'employees' (drop foreign key (manager_id) -> 'employees' on 'employees')
CREATE TABLE "_cdb_new_employees" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    manager_id INTEGER
);
INSERT INTO "_cdb_new_employees" ("id", "name", "manager_id") SELECT "id", "name", "manager_id" FROM "employees";
DROP TABLE "employees";
ALTER TABLE "_cdb_new_employees" RENAME TO "employees";

