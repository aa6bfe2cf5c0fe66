INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma');
INSERT INTO reviews VALUES (1, 1, 5, 'great'), (2, 2, 3, NULL);
