SELECT id, holder FROM tickets ORDER BY id;
