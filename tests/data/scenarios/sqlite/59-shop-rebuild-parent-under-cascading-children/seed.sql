INSERT INTO customers VALUES (1, 'Ada', 1), (2, 'Brian', 2);
INSERT INTO orders VALUES (10, 1, 500), (11, 1, 20), (12, 2, 7);
INSERT INTO notes VALUES (20, 1, 'first'), (21, 2, 'vip');
