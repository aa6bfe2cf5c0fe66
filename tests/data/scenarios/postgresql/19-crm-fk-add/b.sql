CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE contacts (id integer PRIMARY KEY, name text);
CREATE TABLE deals (
    id integer PRIMARY KEY,
    contact_id integer REFERENCES contacts (id) ON DELETE SET NULL,
    amount numeric,
    owner_id integer CONSTRAINT fk_deals_owner REFERENCES users (id)
);
