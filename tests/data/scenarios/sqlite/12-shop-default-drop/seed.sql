INSERT INTO orders VALUES (1, 'new', 'web', '2024-01-01'), (2, 'paid', 'shop', '2024-01-02');
