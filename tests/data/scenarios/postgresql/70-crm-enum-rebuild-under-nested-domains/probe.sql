SELECT id, plan, history, base FROM accounts ORDER BY id;
SELECT id, plan FROM pro_accounts ORDER BY id;
SELECT obj_description('billed_tier'::regtype, 'pg_type');
