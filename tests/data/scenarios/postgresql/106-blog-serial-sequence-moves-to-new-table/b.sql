CREATE SEQUENCE drafts_id_seq AS integer;
CREATE TABLE notes (id integer PRIMARY KEY DEFAULT nextval('drafts_id_seq'), body text);
ALTER SEQUENCE drafts_id_seq OWNED BY notes.id;
CREATE TABLE drafts (id integer NOT NULL PRIMARY KEY, body text);
