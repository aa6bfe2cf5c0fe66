SELECT id, nm FROM crm.account_names ORDER BY id;
