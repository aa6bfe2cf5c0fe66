INSERT INTO contacts VALUES (1, 'Ann', 'ann@x.org'), (2, 'Bob', NULL), (3, 'Cy', NULL);
