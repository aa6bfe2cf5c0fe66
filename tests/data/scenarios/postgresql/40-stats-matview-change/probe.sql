SELECT id, sold_on, region, amount FROM sales ORDER BY id;
