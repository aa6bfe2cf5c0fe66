CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE stages (id INTEGER PRIMARY KEY, label TEXT);
CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts (id),
    stage_id INTEGER REFERENCES stages (id),
    amount NUMERIC
);
