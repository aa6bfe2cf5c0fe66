INSERT INTO posts VALUES (1, 'hello', true), (2, 'world', NULL);
INSERT INTO comments VALUES (1, 1, 'nice'), (2, 1, 'meh'), (3, 2, 'first');
