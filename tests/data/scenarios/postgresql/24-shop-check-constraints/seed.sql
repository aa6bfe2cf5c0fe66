INSERT INTO items VALUES (1, 'pen', 1.5, 3, 0.5), (2, 'ink', 7, 1, 0);
