SELECT id, owner_name, region, archived FROM accounts ORDER BY id;
SELECT id, account_id, body FROM notes ORDER BY id;
