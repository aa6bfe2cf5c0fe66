INSERT INTO posts VALUES (1, 'one', 5), (2, 'two', 50);
