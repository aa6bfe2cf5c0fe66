-- +cdb upgrade
DROP INDEX "ix_posts_created";

CREATE INDEX ix_posts_author ON public.posts USING btree (author_id);

CREATE INDEX ix_posts_pub_created ON public.posts USING btree (published, created_at);

CREATE UNIQUE INDEX ux_users_handle ON public.users USING btree (handle);


-- +cdb downgrade
DROP INDEX "ux_users_handle";

DROP INDEX "ix_posts_pub_created";

DROP INDEX "ix_posts_author";

CREATE INDEX ix_posts_created ON public.posts USING btree (created_at);

