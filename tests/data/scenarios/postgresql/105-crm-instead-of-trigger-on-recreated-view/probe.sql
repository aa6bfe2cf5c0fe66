SELECT id, name FROM contacts ORDER BY id;
