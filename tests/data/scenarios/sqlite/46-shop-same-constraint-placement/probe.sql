SELECT id, email, age FROM customers ORDER BY id;
SELECT id, customer_id, total FROM orders ORDER BY id;
