SELECT id, sku FROM products ORDER BY id;
