SELECT id, status, source, placed_at FROM orders ORDER BY id;
