INSERT INTO posts VALUES (1, 'one', 7, 10), (2, 'two', NULL, 0);
