CREATE TABLE customers (
    id INTEGER,
    email TEXT NOT NULL,
    age INTEGER,
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT uq_customers_email UNIQUE (email),
    CONSTRAINT ck_customers_age CHECK (age >= 18)
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    total NUMERIC NOT NULL CHECK (total >= 0),
    FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
