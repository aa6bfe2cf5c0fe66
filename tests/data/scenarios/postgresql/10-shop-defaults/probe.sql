SELECT id, status, currency, placed_at, qty, note FROM orders ORDER BY id;
