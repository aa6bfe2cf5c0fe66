INSERT INTO products VALUES (1, 'pen', 1.5, 10, 'blue'), (2, 'paper', 4.25, 0, NULL), (3, 'ink', NULL, 7, 'black');
