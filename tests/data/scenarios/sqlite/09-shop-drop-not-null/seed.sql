INSERT INTO orders VALUES (1, 'ann', 'gift', '2024-01-02', 'new'), (2, 'bob', '', '2024-02-03', 'paid');
