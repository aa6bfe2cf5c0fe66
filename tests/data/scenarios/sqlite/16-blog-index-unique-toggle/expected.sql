-- +cdb upgrade
DROP INDEX "ix_users_email";
DROP INDEX "ux_users_nick";
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ux_users_nick ON users (nick);


-- +cdb downgrade
DROP INDEX "ux_users_nick";
DROP INDEX "ix_users_email";
CREATE UNIQUE INDEX ux_users_nick ON users (nick);
CREATE INDEX ix_users_email ON users (email);

