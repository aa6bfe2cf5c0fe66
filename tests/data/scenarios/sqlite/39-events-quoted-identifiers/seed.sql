INSERT INTO "Event Venues" VALUES (1, 'Main Hall'), (2, 'Annex');
INSERT INTO "order" VALUES (1, 'x', 1), (2, NULL, 2);
