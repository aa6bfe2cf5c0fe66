INSERT INTO todos VALUES (1, 1, 'milk', false, NULL), (2, 1, 'milk', true, '2024-01-01 00:00+00'), (3, 2, 'eggs', false, NULL);
