CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT,
    nick TEXT
);
CREATE INDEX ix_users_email ON users (email);
CREATE UNIQUE INDEX ux_users_nick ON users (nick);
