-- +cdb upgrade
DROP INDEX "ix_comments_body";
CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'image' CHECK (kind IN ('image', 'video'))
);
ALTER TABLE "comments" ADD COLUMN approved INTEGER NOT NULL DEFAULT 0;
-- cdb: destructive: drops column 'posts.legacy_flag' and its data
ALTER TABLE "posts" DROP COLUMN "legacy_flag";
ALTER TABLE "posts" ADD COLUMN media_id INTEGER REFERENCES media (id);


-- +cdb downgrade
-- cdb: destructive: drops column 'posts.media_id' and its data
-- rebuild table 'posts' (drop foreign key (media_id) -> 'media' on 'posts'; drop column 'posts.media_id'; add column 'posts.legacy_flag')
CREATE TABLE "_cdb_new_posts" (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    legacy_flag INTEGER
);
INSERT INTO "_cdb_new_posts" ("id", "title") SELECT "id", "title" FROM "posts";
DROP TABLE "posts";
ALTER TABLE "_cdb_new_posts" RENAME TO "posts";
-- cdb: destructive: drops column 'comments.approved' and its data
ALTER TABLE "comments" DROP COLUMN "approved";
-- cdb: destructive: drops table 'media' and its rows
DROP TABLE "media";
CREATE INDEX ix_comments_body ON comments (body);

