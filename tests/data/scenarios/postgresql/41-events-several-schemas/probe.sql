SELECT id, customer_id, total FROM billing.invoices ORDER BY id;
