CREATE TYPE address AS (
    street text,
    city varchar(60),
    fax text
);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    home address
);
