SELECT id, active FROM contacts ORDER BY id;
