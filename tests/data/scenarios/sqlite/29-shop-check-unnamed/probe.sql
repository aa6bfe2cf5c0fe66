SELECT id, status, price, discount FROM items ORDER BY id;
