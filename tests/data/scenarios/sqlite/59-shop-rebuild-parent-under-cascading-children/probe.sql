SELECT id, name FROM customers ORDER BY id;
SELECT id, customer_id, total FROM orders ORDER BY id;
SELECT id, customer_id, body FROM notes ORDER BY id;
