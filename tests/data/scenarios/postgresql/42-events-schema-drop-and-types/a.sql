CREATE SCHEMA legacy;
CREATE SCHEMA audit;
CREATE TYPE legacy.flag AS ENUM ('on', 'off');
CREATE TABLE legacy.settings (id integer PRIMARY KEY, flag legacy.flag);
CREATE TYPE audit.level AS ENUM ('info', 'warn');
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE audit.entries (
    id bigint PRIMARY KEY,
    user_id integer,
    level audit.level NOT NULL DEFAULT 'info',
    message text
);
