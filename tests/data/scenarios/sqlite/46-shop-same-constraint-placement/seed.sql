INSERT INTO customers VALUES (1, 'a@x.org', 30), (2, 'b@x.org', NULL);
INSERT INTO orders VALUES (1, 1, 9.5), (2, 2, 0);
