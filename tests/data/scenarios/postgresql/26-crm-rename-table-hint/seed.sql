INSERT INTO clients VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO invoices VALUES (1, 1, 100), (2, 2, 20.5);
