INSERT INTO bookings VALUES (1, 'A', 1, 9, 10, 'ann'), (2, 'A', 2, 10, 12, 'bob'), (3, 'B', 1, 9, 17, 'cy');
