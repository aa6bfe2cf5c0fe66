SELECT id, name, sku, price FROM products ORDER BY id;
