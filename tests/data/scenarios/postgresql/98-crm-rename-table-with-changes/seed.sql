INSERT INTO crm.old_things VALUES (1, 'bolt', 10), (2, 'nut', 0);
