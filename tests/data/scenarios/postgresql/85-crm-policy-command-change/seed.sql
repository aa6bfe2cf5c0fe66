INSERT INTO contacts VALUES (1, 'ann@example.com', false), (2, 'bob@example.com', true);
INSERT INTO leads VALUES (1, 'web'), (2, 'fair');
