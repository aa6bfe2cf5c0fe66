INSERT INTO companies VALUES (1, 'ACME', 'Acme'), (2, 'GLBX', 'Globex');
INSERT INTO contacts VALUES (1, 'ACME', 'Ann'), (2, 'GLBX', 'Bob'), (3, NULL, 'Cy');
