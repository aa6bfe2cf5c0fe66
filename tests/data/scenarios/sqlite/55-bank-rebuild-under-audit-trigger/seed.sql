INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50);
UPDATE accounts SET balance = 120 WHERE id = 1;
