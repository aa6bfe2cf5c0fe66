INSERT INTO todos VALUES (1, 'write', 'AB-1', '2026-01-01', 1), (2, 'read', NULL, NULL, NULL), (3, 'ship', 'cd-2', '2026-02-01', 3);
