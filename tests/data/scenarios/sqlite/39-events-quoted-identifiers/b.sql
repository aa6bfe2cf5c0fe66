CREATE TABLE "Event Venues" (
    "Venue ID" INTEGER PRIMARY KEY,
    "Venue Name" TEXT NOT NULL,
    "Max ""Capacity""" INTEGER
);
CREATE TABLE "order" (
    "id" INTEGER PRIMARY KEY,
    "select" TEXT,
    venue INTEGER REFERENCES "Event Venues" ("Venue ID"),
    "group" TEXT DEFAULT 'a''b'
);
CREATE INDEX "IX Order Group" ON "order" ("group", "select");
