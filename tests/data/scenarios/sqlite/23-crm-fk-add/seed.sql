INSERT INTO users VALUES (1, 'ann');
INSERT INTO contacts VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO deals VALUES (1, 1, 100), (2, 2, 250.5), (3, NULL, 10);
