CREATE TABLE "Event Venues" (
    "Venue ID" integer PRIMARY KEY,
    "Venue Name" text NOT NULL
);
CREATE TABLE "RSVP" (
    "id" integer PRIMARY KEY,
    "Venue" integer,
    "Guest Name" text NOT NULL,
    "select" text
);
