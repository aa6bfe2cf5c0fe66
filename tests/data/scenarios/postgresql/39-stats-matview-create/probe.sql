SELECT id, sold_on, amount FROM sales ORDER BY id;
