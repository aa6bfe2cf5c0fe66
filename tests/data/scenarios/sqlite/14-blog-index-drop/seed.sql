INSERT INTO posts VALUES (1, 1, 'hello', '2024-01-01'), (2, 1, 'again', NULL);
