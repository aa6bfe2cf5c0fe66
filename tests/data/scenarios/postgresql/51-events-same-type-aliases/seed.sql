INSERT INTO venues (id, name, capacity, open) VALUES (1, 'Hall', 200, true), (2, 'Annex', NULL, false);
