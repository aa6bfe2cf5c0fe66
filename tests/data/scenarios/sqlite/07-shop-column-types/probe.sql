SELECT id, name, price, stock, notes FROM products ORDER BY id;
