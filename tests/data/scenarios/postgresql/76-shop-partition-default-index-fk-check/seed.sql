INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO orders VALUES (1, 'de', 1, 10.50), (2, 'us', 2, 99.00), (3, 'fr', 2, 0);
