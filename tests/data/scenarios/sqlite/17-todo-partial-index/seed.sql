INSERT INTO todos VALUES (1, 1, 'milk', 0, NULL), (2, 1, 'milk', 1, '2024-01-01'), (3, 2, 'eggs', 0, NULL);
