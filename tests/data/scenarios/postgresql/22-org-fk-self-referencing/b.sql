CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    manager_id integer REFERENCES employees (id) ON DELETE SET NULL
);
CREATE INDEX ix_employees_manager ON employees (manager_id);
