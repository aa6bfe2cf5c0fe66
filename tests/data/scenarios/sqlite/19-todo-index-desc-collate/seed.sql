INSERT INTO todos VALUES (1, 'Milk', '2024-01-02', 'home '), (2, 'eggs', NULL, 'home');
