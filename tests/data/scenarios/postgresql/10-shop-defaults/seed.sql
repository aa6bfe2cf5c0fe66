INSERT INTO orders VALUES (1, 'paid', 'USD', '2024-01-01 00:00+00', 2, 'x'), (2, 'new', NULL, NULL, NULL, NULL);
