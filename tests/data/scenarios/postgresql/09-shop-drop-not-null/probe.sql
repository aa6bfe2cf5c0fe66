SELECT id, customer, note, shipped_at, status FROM orders ORDER BY id;
