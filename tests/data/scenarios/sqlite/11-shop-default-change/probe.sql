SELECT id, status, qty, currency, negative FROM orders ORDER BY id;
