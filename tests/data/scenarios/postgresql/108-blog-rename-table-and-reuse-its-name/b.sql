-- cdb: rename table posts to articles
CREATE TABLE articles (id integer CONSTRAINT posts_pkey PRIMARY KEY, title text NOT NULL);
CREATE INDEX posts_title_idx ON articles (title);
CREATE TABLE comments (id integer PRIMARY KEY, post_id integer CONSTRAINT comments_post_id_fkey REFERENCES articles (id), body text);
CREATE TABLE posts (id integer PRIMARY KEY, note text);
