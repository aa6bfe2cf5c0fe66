INSERT INTO contacts VALUES (1, 'Ann'), (2, 'bob');
