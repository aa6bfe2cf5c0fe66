INSERT INTO cities VALUES (1, 'Lyon', 513000, 45.76, 4.83), (2, 'Nice', NULL, 43.7, 7.26);
