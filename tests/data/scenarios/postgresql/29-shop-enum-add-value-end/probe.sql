SELECT id, status FROM orders ORDER BY id;
