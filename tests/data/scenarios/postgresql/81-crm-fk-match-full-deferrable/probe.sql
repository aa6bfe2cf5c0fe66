SELECT id, account_region, account_number FROM contacts ORDER BY id;
SELECT id, contact_id, owner_id, account_region, account_number FROM deals ORDER BY id;
