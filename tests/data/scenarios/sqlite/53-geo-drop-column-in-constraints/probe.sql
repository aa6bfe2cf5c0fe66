SELECT id, name, size FROM plots ORDER BY id;
