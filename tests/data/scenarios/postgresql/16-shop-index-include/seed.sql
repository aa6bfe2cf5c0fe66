INSERT INTO orders VALUES (1, 'A-1', 1, 9.99, 'paid', NULL), (2, 'A-2', 1, 20, 'new', '2024-01-01 00:00+00');
