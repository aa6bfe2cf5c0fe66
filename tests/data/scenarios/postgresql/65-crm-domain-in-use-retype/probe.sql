SELECT id, nick, balance, postcode FROM contacts ORDER BY id;
SELECT id, payer, total, tags FROM billing.invoices ORDER BY id;
SELECT id, nick FROM contact_names ORDER BY id;
SELECT id, payer FROM billing.big_invoices ORDER BY id;
SELECT payer, total FROM billing.payer_totals ORDER BY payer;
