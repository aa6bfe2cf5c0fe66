SELECT id, number, customer_id, total, status, placed_at FROM orders ORDER BY id;
