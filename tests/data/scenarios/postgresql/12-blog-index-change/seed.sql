INSERT INTO users VALUES (1, 'a@x.org'), (2, 'b@x.org');
INSERT INTO posts VALUES (1, 1, 'hello', '2024-01-01'), (2, 1, 'again', NULL);
