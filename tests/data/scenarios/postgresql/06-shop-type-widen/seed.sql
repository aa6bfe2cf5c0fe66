INSERT INTO products VALUES (1, 'pen', 10, 1.50, 0.25, 'blue'), (2, 'paper', 0, 4.25, NULL, NULL);
