CREATE TABLE événements (
    id integer PRIMARY KEY,
    titre text NOT NULL,
    lieu text
);
