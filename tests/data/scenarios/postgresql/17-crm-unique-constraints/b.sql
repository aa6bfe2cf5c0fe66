CREATE TABLE contacts (
    id integer PRIMARY KEY,
    email text UNIQUE,
    phone text,
    api_token text,
    CONSTRAINT uq_contacts_phone UNIQUE (phone)
);
