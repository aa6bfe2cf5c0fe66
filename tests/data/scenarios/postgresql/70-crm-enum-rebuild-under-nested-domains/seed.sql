INSERT INTO accounts VALUES (1, 'pro', '{pro,team}', 'team'), (2, 'team', NULL, NULL), (3, DEFAULT, '{team}', 'pro');
