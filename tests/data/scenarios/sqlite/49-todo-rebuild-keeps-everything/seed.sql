INSERT INTO lists VALUES (1, 'ann', 'home', NULL, NULL), (2, 'ann', 'work', '2024-01-01', NULL), (3, 'bob', 'home', NULL, 'yes');
INSERT INTO items VALUES (1, 1, 'milk'), (2, 1, 'eggs'), (3, 3, 'bread');
