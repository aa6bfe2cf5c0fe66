SELECT id, title FROM tasks ORDER BY id;
SELECT id, label FROM tags ORDER BY id;
