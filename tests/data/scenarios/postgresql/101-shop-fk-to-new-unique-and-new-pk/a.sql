CREATE TABLE p (a integer, b integer NOT NULL);
CREATE TABLE c (a integer, b integer);
