INSERT INTO users VALUES (1, 'ann'), (2, 'bob');
INSERT INTO posts VALUES (1, 1, 'one', NULL), (2, 2, 'two', NULL);
