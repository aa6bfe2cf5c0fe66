SELECT id, owner_name, region FROM accounts ORDER BY id;
