INSERT INTO contacts VALUES (1, 'Ann', 'A1'), (2, 'bob', 'B2');
