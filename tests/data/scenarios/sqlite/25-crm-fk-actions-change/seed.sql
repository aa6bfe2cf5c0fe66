INSERT INTO users VALUES (1, 'ann');
INSERT INTO deals VALUES (1, 'big'), (2, 'small');
INSERT INTO notes VALUES (1, 1, 1, 'call back'), (2, 2, NULL, 'sent quote');
