INSERT INTO contacts VALUES (1, 'Ann@example.com', 'Ann', 1), (2, NULL, 'Bob', 0), (3, 'cy@example.com', 'Cy', 1);
