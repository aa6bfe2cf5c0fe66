CREATE TYPE address AS (
    street text,
    city varchar(60)
);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    home address,
    previous address[]
);
COMMENT ON TYPE address IS 'postal address';
