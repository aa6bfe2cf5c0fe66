SELECT id, stage, amount FROM crm.deals ORDER BY id;
