CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    amount NUMERIC,
    owner_id INTEGER REFERENCES users (id)
);
