INSERT INTO contacts VALUES (1, 'Ann', 'a@x.org'), (2, 'Bob', NULL);
