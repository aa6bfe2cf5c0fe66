-- +cdb upgrade
CREATE INDEX ix_posts_author ON posts (author_id);
CREATE INDEX ix_posts_pub_created ON posts (published, created_at);
CREATE UNIQUE INDEX ux_users_handle ON users (handle);


-- +cdb downgrade
DROP INDEX "ux_users_handle";
DROP INDEX "ix_posts_pub_created";
DROP INDEX "ix_posts_author";

