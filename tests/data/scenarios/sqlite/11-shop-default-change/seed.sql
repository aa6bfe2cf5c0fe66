INSERT INTO orders (id) VALUES (1);
INSERT INTO orders VALUES (2, 'paid', 5, 'GBP', 3);
