INSERT INTO tickets VALUES (1, 'ann'), (2, 'bob');
