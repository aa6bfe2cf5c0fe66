INSERT INTO products VALUES (1, 'pen', 'P-1', 1.5), (2, 'paper', 'P-2', NULL);
