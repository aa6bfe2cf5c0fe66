SELECT id, owner, balance FROM accounts ORDER BY id;
SELECT id, account_id, old_balance, new_balance, note FROM audit_log ORDER BY id;
