SELECT id, status, note, label FROM orders ORDER BY id;
SELECT id, order_id, line FROM order_log ORDER BY id;
