CREATE TYPE address AS (
    street text,
    city varchar(60),
    zip char(5)
);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    billing address
);
CREATE TABLE shipments (
    id integer PRIMARY KEY,
    contact_id integer NOT NULL REFERENCES contacts (id),
    destination address NOT NULL,
    stops address[]
);
COMMENT ON TYPE address IS 'postal address';
