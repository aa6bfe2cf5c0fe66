-- +cdb upgrade
-- rebuild table 'books' (add column 'books.format'; add column 'books.copies'; add column 'books.added_at')
CREATE TABLE "_cdb_new_books" (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'paper',
    copies INTEGER NOT NULL DEFAULT 1,
    added_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "_cdb_new_books" ("id", "title") SELECT "id", "title" FROM "books";
DROP TABLE "books";
ALTER TABLE "_cdb_new_books" RENAME TO "books";


-- +cdb downgrade
-- cdb: destructive: drops column 'books.added_at' and its data
ALTER TABLE "books" DROP COLUMN "added_at";
-- cdb: destructive: drops column 'books.copies' and its data
ALTER TABLE "books" DROP COLUMN "copies";
-- cdb: destructive: drops column 'books.format' and its data
ALTER TABLE "books" DROP COLUMN "format";

