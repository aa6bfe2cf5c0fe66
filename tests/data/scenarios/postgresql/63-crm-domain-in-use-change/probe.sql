SELECT id, name, email, points FROM contacts ORDER BY id;
