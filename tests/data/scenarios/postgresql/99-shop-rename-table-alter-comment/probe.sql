SELECT id, label, qty FROM stock_levels ORDER BY id;
