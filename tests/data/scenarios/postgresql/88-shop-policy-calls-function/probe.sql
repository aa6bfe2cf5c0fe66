SELECT id, sku, state FROM items ORDER BY id;
