CREATE TABLE a (id integer, x integer);
CREATE SEQUENCE s OWNED BY a.id;
CREATE TABLE t (id serial PRIMARY KEY, v text);
