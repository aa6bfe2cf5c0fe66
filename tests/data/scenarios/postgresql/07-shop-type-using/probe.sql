SELECT id, name FROM products ORDER BY id;
SELECT count(*) FROM products WHERE year IS NOT NULL;
