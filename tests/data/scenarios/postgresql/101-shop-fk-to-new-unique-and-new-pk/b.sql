CREATE TABLE p (a integer, b integer NOT NULL PRIMARY KEY);
CREATE UNIQUE INDEX p_a_idx ON p (a);
CREATE TABLE c (a integer REFERENCES p (a), b integer REFERENCES p (b));
