SELECT id, email, phone FROM contacts ORDER BY id;
