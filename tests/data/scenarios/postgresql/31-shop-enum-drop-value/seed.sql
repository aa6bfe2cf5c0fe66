INSERT INTO orders VALUES (1, 'new', NULL), (2, 'paid', 'new'), (3, 'shipped', 'paid');
