INSERT INTO todos VALUES (1, 1, 'Milk', 'A@x.org', '2024-03-01 10:00'), (2, 1, 'Eggs', 'b@x.org', '2024-03-02 10:00'), (3, 2, 'bread', NULL, '2024-03-03 10:00');
