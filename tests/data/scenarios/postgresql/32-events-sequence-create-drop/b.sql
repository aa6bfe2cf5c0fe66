CREATE SEQUENCE ticket_no_seq START 1000 INCREMENT 10;
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    holder text NOT NULL,
    number bigint NOT NULL DEFAULT nextval('ticket_no_seq') UNIQUE
);
