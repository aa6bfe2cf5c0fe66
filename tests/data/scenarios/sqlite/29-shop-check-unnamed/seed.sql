INSERT INTO items VALUES (1, 'a', 10, 1), (2, 'b', 5, 0);
