INSERT INTO books VALUES (1, 'Dune', 'sand', 'B2'), (2, 'Emma', NULL, 'A1');
