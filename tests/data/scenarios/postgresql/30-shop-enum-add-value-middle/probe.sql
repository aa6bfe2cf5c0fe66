SELECT id, status FROM orders ORDER BY id;
SELECT id, status FROM open_orders ORDER BY id;
