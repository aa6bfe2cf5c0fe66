SELECT id, name, (home).street, (home).city FROM contacts ORDER BY id;
