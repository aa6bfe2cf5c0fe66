INSERT INTO items VALUES (1, 'pen', 1.5, 3), (2, 'ink', 7, 1);
