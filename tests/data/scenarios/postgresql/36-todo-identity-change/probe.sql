SELECT id, title FROM todos ORDER BY id;
SELECT id, body FROM notes ORDER BY id;
SELECT id, name FROM tags ORDER BY id;
