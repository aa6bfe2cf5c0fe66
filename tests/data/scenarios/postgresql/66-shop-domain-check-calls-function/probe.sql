SELECT id, code, qty FROM products ORDER BY id;
