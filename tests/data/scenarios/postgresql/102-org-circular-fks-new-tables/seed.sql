INSERT INTO people VALUES (1, 'ann'), (2, 'bob');
