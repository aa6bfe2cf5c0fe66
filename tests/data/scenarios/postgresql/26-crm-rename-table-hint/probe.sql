SELECT id, client_id, total FROM invoices ORDER BY id;
