SELECT "Venue ID", "Venue Name" FROM "Event Venues" ORDER BY 1;
SELECT "id", "select", venue FROM "order" ORDER BY 1;
