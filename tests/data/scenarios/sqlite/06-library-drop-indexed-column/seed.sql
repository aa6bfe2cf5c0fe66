INSERT INTO books VALUES (1, 'Dune', 'X1'), (2, 'Emma', NULL), (3, 'Beowulf', 'X3');
