SELECT id, title FROM books ORDER BY id;
