SELECT id, contact_id, stage_id, amount FROM deals ORDER BY id;
