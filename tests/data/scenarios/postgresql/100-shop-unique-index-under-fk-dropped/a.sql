CREATE TABLE p (a integer);
CREATE UNIQUE INDEX p_a_idx ON p (a);
CREATE TABLE c (a integer REFERENCES p (a));
