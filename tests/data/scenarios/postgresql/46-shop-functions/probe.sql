SELECT order_id, qty, price FROM order_items ORDER BY order_id, qty;
