INSERT INTO contacts VALUES (1, 'ann', 12.50, '7'), (2, 'bob', 0, '42'), (3, 'cy', NULL, NULL);
INSERT INTO contacts (id, balance) VALUES (4, 3);
INSERT INTO billing.invoices VALUES (10, 'ann', 250.00, '{vip,early}'), (11, 'bob', 99.99, NULL), (12, NULL, 0, '{}');
REFRESH MATERIALIZED VIEW billing.payer_totals;
