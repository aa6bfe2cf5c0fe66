SELECT id, title, tags FROM documents ORDER BY id;
