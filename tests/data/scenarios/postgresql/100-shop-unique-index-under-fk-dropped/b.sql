CREATE TABLE p (a integer);
CREATE TABLE c (a integer);
