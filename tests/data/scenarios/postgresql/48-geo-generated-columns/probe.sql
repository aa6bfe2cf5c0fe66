SELECT id, w, h, name FROM plots ORDER BY id;
