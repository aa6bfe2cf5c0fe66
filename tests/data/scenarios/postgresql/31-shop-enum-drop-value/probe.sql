SELECT id, status, previous FROM orders ORDER BY id;
