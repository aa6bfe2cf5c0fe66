SELECT id, name, email FROM contacts ORDER BY id;
