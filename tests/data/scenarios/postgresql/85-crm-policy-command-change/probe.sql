SELECT id, email, hidden FROM contacts ORDER BY id;
