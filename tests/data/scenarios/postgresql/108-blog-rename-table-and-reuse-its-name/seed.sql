INSERT INTO posts VALUES (1, 'one'), (2, 'two');
INSERT INTO comments VALUES (10, 1, 'hi');
