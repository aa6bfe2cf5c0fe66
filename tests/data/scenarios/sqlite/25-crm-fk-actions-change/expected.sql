-- +cdb upgrade
-- rebuild table 'notes' (drop foreign key (author_id) -> 'users' on 'notes'; drop foreign key (deal_id) -> 'deals' on 'notes'; add foreign key (author_id) -> 'users' on 'notes'; add foreign key (deal_id) -> 'deals' on 'notes')
CREATE TABLE "_cdb_new_notes" (
    id INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE ON UPDATE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
    body TEXT
);
INSERT INTO "_cdb_new_notes" ("id", "deal_id", "author_id", "body") SELECT "id", "deal_id", "author_id", "body" FROM "notes";
DROP TABLE "notes";
ALTER TABLE "_cdb_new_notes" RENAME TO "notes";
CREATE INDEX ix_notes_deal ON notes (deal_id);


-- +cdb downgrade
-- rebuild table 'notes' (drop foreign key (deal_id) -> 'deals' on 'notes'; drop foreign key (author_id) -> 'users' on 'notes'; add foreign key (deal_id) -> 'deals' on 'notes'; add foreign key (author_id) -> 'users' on 'notes')
CREATE TABLE "_cdb_new_notes" (
    id INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id),
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT
);
INSERT INTO "_cdb_new_notes" ("id", "deal_id", "author_id", "body") SELECT "id", "deal_id", "author_id", "body" FROM "notes";
DROP TABLE "notes";
ALTER TABLE "_cdb_new_notes" RENAME TO "notes";
CREATE INDEX ix_notes_deal ON notes (deal_id);

