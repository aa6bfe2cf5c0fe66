-- +cdb upgrade
DROP INDEX "ux_post_tags";
-- cdb: destructive: drops column 'post_tags.id' and its data
-- rebuild table 'post_tags' (drop primary key (id) on 'post_tags'; drop column 'post_tags.id'; add primary key (post_id, tag_id) on 'post_tags')
CREATE TABLE "_cdb_new_post_tags" (
    post_id INTEGER NOT NULL REFERENCES posts (id),
    tag_id INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (post_id, tag_id)
);
INSERT INTO "_cdb_new_post_tags" ("post_id", "tag_id") SELECT "post_id", "tag_id" FROM "post_tags";
DROP TABLE "post_tags";
ALTER TABLE "_cdb_new_post_tags" RENAME TO "post_tags";


-- +cdb downgrade
-- rebuild table 'post_tags' (drop primary key (post_id, tag_id) on 'post_tags'; add column 'post_tags.id'; add primary key (id) on 'post_tags')
CREATE TABLE "_cdb_new_post_tags" (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id),
    tag_id INTEGER NOT NULL REFERENCES tags (id)
);
INSERT INTO "_cdb_new_post_tags" ("post_id", "tag_id") SELECT "post_id", "tag_id" FROM "post_tags";
DROP TABLE "post_tags";
ALTER TABLE "_cdb_new_post_tags" RENAME TO "post_tags";
CREATE UNIQUE INDEX ux_post_tags ON post_tags (post_id, tag_id);

