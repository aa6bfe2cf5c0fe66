INSERT INTO products VALUES (1, 'ABC-1', 10), (2, 'XYZ-42', NULL);
