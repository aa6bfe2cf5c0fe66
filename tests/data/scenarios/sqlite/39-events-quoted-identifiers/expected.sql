-- +cdb upgrade
ALTER TABLE "Event Venues" ADD COLUMN "Max ""Capacity""" INTEGER;
-- rebuild table 'order' (add column 'order.group'; add foreign key (venue) -> 'Event Venues' on 'order')
CREATE TABLE "_cdb_new_order" (
    "id" INTEGER PRIMARY KEY,
    "select" TEXT,
    venue INTEGER REFERENCES "Event Venues" ("Venue ID"),
    "group" TEXT DEFAULT 'a''b'
);
INSERT INTO "_cdb_new_order" ("id", "select", "venue") SELECT "id", "select", "venue" FROM "order";
DROP TABLE "order";
ALTER TABLE "_cdb_new_order" RENAME TO "order";
CREATE INDEX "IX Order Group" ON "order" ("group", "select");


-- +cdb downgrade
DROP INDEX "IX Order Group";
-- cdb: destructive: drops column 'order.group' and its data
-- rebuild table 'order' (drop foreign key (venue) -> 'Event Venues' on 'order'; drop column 'order.group')
CREATE TABLE "_cdb_new_order" (
    "id" INTEGER PRIMARY KEY,
    "select" TEXT,
    venue INTEGER
);
INSERT INTO "_cdb_new_order" ("id", "select", "venue") SELECT "id", "select", "venue" FROM "order";
DROP TABLE "order";
ALTER TABLE "_cdb_new_order" RENAME TO "order";
-- cdb: destructive: drops column 'Event Venues.Max "Capacity"' and its data
ALTER TABLE "Event Venues" DROP COLUMN "Max ""Capacity""";

