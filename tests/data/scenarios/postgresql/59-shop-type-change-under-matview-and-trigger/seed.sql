INSERT INTO sales VALUES (1, 10.50, 'small', false), (2, 2000, 'big', false);
