INSERT INTO todos VALUES (1, 'milk', NULL), (2, 'eggs', '2024-01-01 00:00+00');
