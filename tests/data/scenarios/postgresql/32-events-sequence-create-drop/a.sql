CREATE SEQUENCE badge_no_seq START 100;
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    holder text NOT NULL
);
