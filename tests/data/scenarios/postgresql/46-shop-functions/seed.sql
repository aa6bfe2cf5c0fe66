INSERT INTO order_items VALUES (1, 2, 1.50), (1, 1, 3.00), (2, 5, 0.10);
