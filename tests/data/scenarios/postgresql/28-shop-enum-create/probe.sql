SELECT id, total FROM orders ORDER BY id;
