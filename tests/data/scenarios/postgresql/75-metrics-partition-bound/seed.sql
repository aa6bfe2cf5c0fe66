INSERT INTO events VALUES (1, '2024-02-01', 'signup'), (2, '2024-06-30', 'login'), (3, '2024-12-31', 'logout'),
    (4, '2022-03-01', 'signup');
