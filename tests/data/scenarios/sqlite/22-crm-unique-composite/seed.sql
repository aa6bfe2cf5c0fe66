INSERT INTO companies VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO contacts VALUES (1, 1, 'c1', 'a@x.org'), (2, 1, 'c2', 'b@x.org'), (3, 2, 'c1', 'a@x.org');
