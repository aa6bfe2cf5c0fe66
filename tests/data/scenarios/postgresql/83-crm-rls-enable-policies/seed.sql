INSERT INTO accounts VALUES (1, 'ann', 'eu', false), (2, 'bob', 'us', true);
INSERT INTO notes VALUES (1, 1, 'call back'), (2, 2, 'closed');
