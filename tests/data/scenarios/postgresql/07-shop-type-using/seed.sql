INSERT INTO products VALUES (1, 'pen', '2019', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1), (2, 'ink', NULL, NULL, 0);
