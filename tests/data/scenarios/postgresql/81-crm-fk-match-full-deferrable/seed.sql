INSERT INTO accounts VALUES ('eu', 1, 'Acme'), ('us', 1, 'Initech');
INSERT INTO contacts VALUES (1, 'eu', 1), (2, NULL, NULL), (3, 'us', 1);
INSERT INTO deals VALUES (1, 1, 3, 'eu', 1), (2, 2, NULL, NULL, NULL);
