CREATE TABLE a (id integer, x integer);
CREATE SEQUENCE s OWNED BY a.x;
CREATE TABLE t (id bigserial PRIMARY KEY, v text);
