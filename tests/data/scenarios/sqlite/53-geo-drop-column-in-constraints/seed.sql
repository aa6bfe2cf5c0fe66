INSERT INTO plots VALUES (1, 'north', 'A', 10.5), (2, 'south', 'B', 3), (3, 'east', NULL, 7);
