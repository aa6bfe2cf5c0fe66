CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT,
    nick TEXT
);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ux_users_nick ON users (nick);
