SELECT tableoid::regclass, id, region, customer_id, total, placed_on FROM orders ORDER BY id;
SELECT id, order_id, region, placed_on FROM refunds ORDER BY id;
