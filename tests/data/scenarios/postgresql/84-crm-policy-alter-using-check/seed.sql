INSERT INTO tickets VALUES (1, 'ann', 'open', 1), (2, NULL, 'closed', 2), (3, 'bob', 'deleted', 3);
