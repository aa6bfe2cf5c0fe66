INSERT INTO stock_items VALUES (1, 'bolt', 10), (2, 'nut', 0), (3, 'washer', 250);
