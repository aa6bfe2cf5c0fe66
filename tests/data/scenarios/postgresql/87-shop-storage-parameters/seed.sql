INSERT INTO products VALUES (1, 'pen'), (2, 'ink');
INSERT INTO orders VALUES (1, 9.50), (2, 3.20);
INSERT INTO stock VALUES (1, 40, NULL), (2, 0, 'reorder');
