-- +cdb upgrade
-- rebuild table 'events' (drop primary key (id) on 'events'; add primary key (id) on 'events')
CREATE TABLE "_cdb_new_events" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    at TEXT
);
INSERT INTO "_cdb_new_events" ("id", "kind", "at") SELECT "id", "kind", "at" FROM "events";
DROP TABLE "events";
ALTER TABLE "_cdb_new_events" RENAME TO "events";


-- +cdb downgrade
-- rebuild table 'events' (drop primary key (id) on 'events'; add primary key (id) on 'events')
CREATE TABLE "_cdb_new_events" (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at TEXT
);
INSERT INTO "_cdb_new_events" ("id", "kind", "at") SELECT "id", "kind", "at" FROM "events";
DROP TABLE "events";
ALTER TABLE "_cdb_new_events" RENAME TO "events";

