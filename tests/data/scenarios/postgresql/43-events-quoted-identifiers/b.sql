CREATE TABLE "Event Venues" (
    "Venue ID" integer PRIMARY KEY,
    "Venue Name" text NOT NULL,
    "Max ""Capacity""" integer
);
CREATE INDEX "IX Venue Name" ON "Event Venues" ("Venue Name");
CREATE TABLE "RSVP" (
    "id" integer PRIMARY KEY,
    "Venue" integer REFERENCES "Event Venues" ("Venue ID"),
    "Guest Name" text NOT NULL,
    "select" text,
    "group" text DEFAULT 'a''b',
    UNIQUE ("Venue", "Guest Name")
);
