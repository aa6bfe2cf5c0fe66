SELECT id, title, isbn FROM books ORDER BY id;
