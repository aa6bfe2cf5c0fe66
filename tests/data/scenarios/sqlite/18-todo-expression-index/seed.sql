INSERT INTO todos VALUES (1, 'Milk', 'A@x.org'), (2, 'Eggs', 'b@x.org'), (3, 'bread', NULL);
