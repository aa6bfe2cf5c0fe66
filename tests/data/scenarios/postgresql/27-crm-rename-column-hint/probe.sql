SELECT id FROM customers ORDER BY id;
SELECT count(*) FROM customers;
