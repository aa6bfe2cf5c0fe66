INSERT INTO events VALUES (1, 'login', '2024-01-01'), (5, 'logout', NULL);
INSERT INTO audit VALUES (1, 1, 'ann'), (2, 5, 'bob');
