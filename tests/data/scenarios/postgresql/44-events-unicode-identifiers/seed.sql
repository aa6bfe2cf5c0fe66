INSERT INTO événements VALUES (1, 'Fête', 'Paris'), (2, 'Café', NULL);
