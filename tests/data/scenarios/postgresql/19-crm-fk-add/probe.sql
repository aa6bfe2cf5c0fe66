SELECT id, contact_id, amount FROM deals ORDER BY id;
