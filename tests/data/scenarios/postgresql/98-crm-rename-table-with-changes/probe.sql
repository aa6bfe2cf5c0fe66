SELECT id, name, qty FROM crm.thing_stock ORDER BY id;
