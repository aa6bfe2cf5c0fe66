SELECT id, status, qty, created_at, rate FROM orders ORDER BY id;
