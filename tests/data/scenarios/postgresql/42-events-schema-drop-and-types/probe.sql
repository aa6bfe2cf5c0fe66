SELECT id, user_id, level, message FROM audit.entries ORDER BY id;
