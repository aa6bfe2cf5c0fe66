SELECT id, product_id, qty, stamped FROM orders ORDER BY id;
SELECT id, stock FROM products ORDER BY id;
