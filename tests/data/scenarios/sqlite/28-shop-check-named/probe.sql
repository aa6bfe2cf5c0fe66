SELECT id, name, price, qty FROM items ORDER BY id;
