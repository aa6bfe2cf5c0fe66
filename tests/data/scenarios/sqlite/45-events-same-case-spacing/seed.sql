INSERT INTO venues VALUES (1, 'Hall', 'Oslo');
INSERT INTO events VALUES (1, 1, 'Gig', '2024-05-01'), (2, 1, 'Talk', '2023-05-01');
