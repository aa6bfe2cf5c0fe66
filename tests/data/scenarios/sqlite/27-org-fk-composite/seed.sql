INSERT INTO teams VALUES (1, 'web', 'Web'), (1, 'ops', 'Ops'), (2, 'web', 'Web 2');
INSERT INTO assignments VALUES (1, 1, 'web', 'ann'), (2, 2, 'web', 'bob'), (3, 1, 'ops', 'cy');
