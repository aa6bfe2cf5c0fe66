INSERT INTO customers VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders VALUES (1, 1, 10), (2, 1, 5.5), (3, 2, 0);
