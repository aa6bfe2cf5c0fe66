INSERT INTO authors VALUES (1, 'ann'), (2, 'bob');
INSERT INTO posts VALUES (1, 1, 'one', 5, '2023-06-01'), (2, 2, 'two', 150, '2024-02-01');
