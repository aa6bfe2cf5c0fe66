SELECT id, name, stock, price, weight, notes FROM products ORDER BY id;
