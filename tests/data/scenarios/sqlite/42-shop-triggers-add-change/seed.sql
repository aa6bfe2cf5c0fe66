INSERT INTO products VALUES (1, 10), (2, 0);
INSERT INTO orders VALUES (1, 1, 2, NULL);
