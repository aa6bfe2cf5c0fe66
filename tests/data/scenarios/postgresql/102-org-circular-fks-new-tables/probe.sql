SELECT id, name FROM people ORDER BY id;
