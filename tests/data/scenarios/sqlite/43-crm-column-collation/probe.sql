SELECT id, name, code FROM contacts ORDER BY id;
