CREATE EXTENSION IF NOT EXISTS citext;
CREATE DOMAIN email_address AS citext CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    handle citext UNIQUE,
    email email_address
);
