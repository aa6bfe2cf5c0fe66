CREATE TABLE contacts (id integer PRIMARY KEY, name text);
CREATE TABLE stages (id integer PRIMARY KEY, label text);
CREATE TABLE deals (
    id integer PRIMARY KEY,
    contact_id integer,
    stage_id integer REFERENCES stages (id),
    amount numeric
);
