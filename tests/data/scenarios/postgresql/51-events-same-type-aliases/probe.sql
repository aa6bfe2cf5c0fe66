SELECT id, name, capacity, open FROM venues ORDER BY id;
