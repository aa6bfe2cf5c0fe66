CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION byte_order (provider = libc, locale = 'C');
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    nickname text COLLATE case_insensitive
);
CREATE INDEX contacts_name_ci ON contacts (name COLLATE case_insensitive);
CREATE TABLE tags (
    id integer PRIMARY KEY,
    label text COLLATE byte_order NOT NULL UNIQUE
);
COMMENT ON COLLATION case_insensitive IS 'case-insensitive comparison';
