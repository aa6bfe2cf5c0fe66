INSERT INTO users VALUES (1, 'ann');
INSERT INTO deals VALUES (1, 'big'), (2, 'small');
INSERT INTO topics VALUES (1, 'pricing');
INSERT INTO notes VALUES (1, 1, 1, 1, 'call back'), (2, 2, NULL, NULL, 'sent quote');
