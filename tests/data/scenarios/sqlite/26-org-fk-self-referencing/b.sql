CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    manager_id INTEGER REFERENCES employees (id) ON DELETE SET NULL
);
CREATE INDEX ix_employees_manager ON employees (manager_id);
