-- +cdb upgrade
DROP INDEX "ix_posts_lookup";

DROP INDEX "ix_posts_slug";

DROP INDEX "ix_users_email";

CREATE INDEX ix_posts_lookup ON public.posts USING btree (author_id, created_at);

CREATE INDEX ix_posts_slug ON public.posts USING hash (slug);

CREATE UNIQUE INDEX ix_users_email ON public.users USING btree (email);


-- +cdb downgrade
DROP INDEX "ix_users_email";

DROP INDEX "ix_posts_slug";

DROP INDEX "ix_posts_lookup";

CREATE INDEX ix_users_email ON public.users USING btree (email);

CREATE INDEX ix_posts_slug ON public.posts USING btree (slug);

CREATE INDEX ix_posts_lookup ON public.posts USING btree (author_id);

