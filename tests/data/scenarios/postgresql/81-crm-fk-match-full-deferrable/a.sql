CREATE TABLE accounts (
    region text NOT NULL,
    number integer NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (region, number)
);
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    account_region text,
    account_number integer,
    CONSTRAINT contacts_account_fkey FOREIGN KEY (account_region, account_number)
        REFERENCES accounts (region, number)
);
CREATE TABLE deals (
    id integer PRIMARY KEY,
    contact_id integer REFERENCES contacts (id),
    owner_id integer,
    account_region text,
    account_number integer,
    CONSTRAINT deals_account_fkey FOREIGN KEY (account_region, account_number)
        REFERENCES accounts (region, number) MATCH FULL ON DELETE CASCADE
);
