CREATE TABLE "Event Venues" (
    "Venue ID" INTEGER PRIMARY KEY,
    "Venue Name" TEXT NOT NULL
);
CREATE TABLE "order" (
    "id" INTEGER PRIMARY KEY,
    "select" TEXT,
    venue INTEGER
);
