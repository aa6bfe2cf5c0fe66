-- +cdb upgrade
DROP INDEX "ix_posts_created";
DROP INDEX "ux_posts_slug";


-- +cdb downgrade
CREATE UNIQUE INDEX ux_posts_slug ON posts (slug);
CREATE INDEX ix_posts_created ON posts (created_at);

