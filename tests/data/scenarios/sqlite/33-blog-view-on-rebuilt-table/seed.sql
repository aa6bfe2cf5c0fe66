INSERT INTO authors VALUES (1, 'ann'), (2, 'bob');
INSERT INTO posts VALUES (1, 1, 'one', 1), (2, 1, 'two', 0), (3, 2, 'three', 1);
