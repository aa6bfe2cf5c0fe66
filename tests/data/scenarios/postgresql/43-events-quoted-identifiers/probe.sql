SELECT "Venue ID", "Venue Name" FROM "Event Venues" ORDER BY 1;
SELECT "id", "Venue", "Guest Name", "select" FROM "RSVP" ORDER BY 1;
