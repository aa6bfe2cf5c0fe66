SELECT id, name, price, qty, discount FROM items ORDER BY id;
