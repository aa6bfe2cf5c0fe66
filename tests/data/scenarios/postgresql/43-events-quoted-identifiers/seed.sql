INSERT INTO "Event Venues" VALUES (1, 'Main Hall'), (2, 'Annex');
INSERT INTO "RSVP" VALUES (1, 1, 'Ann', 'x'), (2, 2, 'Bob', NULL);
