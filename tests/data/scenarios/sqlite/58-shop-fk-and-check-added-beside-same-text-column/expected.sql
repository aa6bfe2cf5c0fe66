-- +cdb upgrade
-- rebuild table 'c' (add column 'c.b'; add column 'c.m'; add check constraint (n >= 0) on 'c'; add check constraint (n >= 0) on 'c'; add foreign key (a) -> 'p' on 'c'; add foreign key (b) -> 'p' on 'c')
CREATE TABLE "_cdb_new_c" (
    id INTEGER PRIMARY KEY,
    a INTEGER REFERENCES p(id),
    n INTEGER CHECK (n >= 0),
    b INTEGER REFERENCES p(id),
    m INTEGER CHECK (n >= 0)
);
INSERT INTO "_cdb_new_c" ("id", "a", "n") SELECT "id", "a", "n" FROM "c";
DROP TABLE "c";
ALTER TABLE "_cdb_new_c" RENAME TO "c";


-- +cdb downgrade
-- cdb: destructive: drops column 'c.m' and its data
-- cdb: destructive: drops column 'c.b' and its data
-- rebuild table 'c' (drop foreign key (b) -> 'p' on 'c'; drop foreign key (a) -> 'p' on 'c'; drop check constraint (n >= 0) on 'c'; drop check constraint (n >= 0) on 'c'; drop column 'c.m'; drop column 'c.b')
CREATE TABLE "_cdb_new_c" (id INTEGER PRIMARY KEY, a INTEGER, n INTEGER);
INSERT INTO "_cdb_new_c" ("id", "a", "n") SELECT "id", "a", "n" FROM "c";
DROP TABLE "c";
ALTER TABLE "_cdb_new_c" RENAME TO "c";

