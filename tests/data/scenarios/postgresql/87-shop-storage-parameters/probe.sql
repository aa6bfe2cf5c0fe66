SELECT id, name FROM products ORDER BY id;
SELECT id, total FROM orders ORDER BY id;
SELECT product_id, quantity, note FROM stock ORDER BY product_id;
