SELECT id, name, qty FROM thing_stock ORDER BY id;
