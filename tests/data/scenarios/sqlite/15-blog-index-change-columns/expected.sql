-- +cdb upgrade
DROP INDEX "ix_posts_lookup";
CREATE INDEX ix_posts_lookup ON posts (author_id, created_at);


-- +cdb downgrade
DROP INDEX "ix_posts_lookup";
CREATE INDEX ix_posts_lookup ON posts (author_id);

