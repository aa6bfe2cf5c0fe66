SELECT id, name, home, span FROM contacts ORDER BY id;
