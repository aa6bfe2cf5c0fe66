SELECT customer_id, n FROM order_count ORDER BY customer_id;
