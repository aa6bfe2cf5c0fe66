CREATE DOMAIN email_address AS text NOT NULL
    CONSTRAINT email_address_no_spaces CHECK (VALUE ~ '^[^@ ]+@[^@ ]+$');
CREATE DOMAIN score AS integer DEFAULT 10 CHECK (VALUE >= 0) CHECK (VALUE <= 1000000);
CREATE DOMAIN nickname AS varchar(40) COLLATE "C";
COMMENT ON DOMAIN score IS 'loyalty points, never negative';
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email email_address,
    points score
);
