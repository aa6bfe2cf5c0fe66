CREATE SCHEMA audit;
CREATE TYPE audit.level AS ENUM ('info', 'warn', 'error');
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE audit.entries (
    id bigint PRIMARY KEY,
    user_id integer REFERENCES users (id),
    level audit.level NOT NULL DEFAULT 'info',
    message text
);
