SELECT tableoid::regclass, id, region, customer_id, total FROM orders ORDER BY id;
SELECT id, name FROM customers ORDER BY id;
