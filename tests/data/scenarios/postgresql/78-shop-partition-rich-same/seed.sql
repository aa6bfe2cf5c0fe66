INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO orders VALUES (1, 'de', 1, 10.50, '2024-05-01'), (2, 'us', 2, 99.00, '2024-01-02'),
    (3, 'fr', 2, 0, '2023-02-01'), (4, 'jp', 1, -5, '2024-09-09');
INSERT INTO refunds VALUES (1, 2, 'us', '2024-01-02');
