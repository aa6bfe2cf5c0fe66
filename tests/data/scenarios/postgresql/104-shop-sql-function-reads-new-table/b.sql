CREATE TABLE items (id integer PRIMARY KEY);
CREATE TABLE users (id integer PRIMARY KEY);
CREATE FUNCTION n() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM users';
