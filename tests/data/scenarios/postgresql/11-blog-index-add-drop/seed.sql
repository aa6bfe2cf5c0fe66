INSERT INTO users VALUES (1, 'ann'), (2, 'bob');
INSERT INTO posts VALUES (1, 1, true, '2024-01-01'), (2, 2, false, NULL);
