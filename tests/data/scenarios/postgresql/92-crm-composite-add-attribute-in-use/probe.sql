SELECT id, name, (home).street, (home).city, (previous[1]).city FROM contacts ORDER BY id;
