INSERT INTO contacts VALUES (1, 'Acme');
INSERT INTO stages VALUES (1, 'lead'), (2, 'won');
INSERT INTO deals VALUES (1, 1, 1, 100), (2, NULL, 2, 5);
