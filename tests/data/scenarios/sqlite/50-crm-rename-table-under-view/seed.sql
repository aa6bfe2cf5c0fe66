INSERT INTO people VALUES (1, 'Ann', 0), (2, 'Bob', 0);
INSERT INTO phones VALUES (1, 1, '555-1'), (2, 1, '555-2');
