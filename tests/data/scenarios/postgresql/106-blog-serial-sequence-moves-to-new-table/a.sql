CREATE TABLE drafts (id serial PRIMARY KEY, body text);
