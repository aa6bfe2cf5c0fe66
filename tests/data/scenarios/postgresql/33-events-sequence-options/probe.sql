SELECT id, number FROM invoices ORDER BY id;
