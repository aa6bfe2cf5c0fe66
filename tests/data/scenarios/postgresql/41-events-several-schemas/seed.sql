INSERT INTO customers VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO billing.invoices VALUES (1, 1, 100), (2, 1, 50.5), (3, 2, 7);
