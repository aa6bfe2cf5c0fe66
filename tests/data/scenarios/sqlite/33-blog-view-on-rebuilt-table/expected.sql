-- +cdb upgrade
DROP VIEW "published_posts";
DROP VIEW "post_counts";
-- rebuild table 'posts' (alter column 'posts.title' (nullable))
CREATE TABLE "_cdb_new_posts" (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES authors (id),
    title TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "_cdb_new_posts" ("id", "author_id", "title", "published") SELECT "id", "author_id", "title", "published" FROM "posts";
DROP TABLE "posts";
ALTER TABLE "_cdb_new_posts" RENAME TO "posts";
CREATE VIEW post_counts AS
    SELECT a.name AS author, count(p.id) AS n
    FROM authors a LEFT JOIN posts p ON p.author_id = a.id
    GROUP BY a.name;
CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE published = 1;


-- +cdb downgrade
DROP VIEW "published_posts";
DROP VIEW "post_counts";
-- rebuild table 'posts' (alter column 'posts.title' (nullable))
CREATE TABLE "_cdb_new_posts" (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES authors (id),
    title TEXT,
    published INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "_cdb_new_posts" ("id", "author_id", "title", "published") SELECT "id", "author_id", "title", "published" FROM "posts";
DROP TABLE "posts";
ALTER TABLE "_cdb_new_posts" RENAME TO "posts";
CREATE VIEW post_counts AS SELECT author_id, count(*) AS n FROM posts GROUP BY author_id;
CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE published = 1;

