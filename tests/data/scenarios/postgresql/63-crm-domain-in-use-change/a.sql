CREATE DOMAIN email_address AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN score AS integer DEFAULT 0 CHECK (VALUE >= 0);
CREATE DOMAIN nickname AS varchar(20);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email email_address,
    points score
);
