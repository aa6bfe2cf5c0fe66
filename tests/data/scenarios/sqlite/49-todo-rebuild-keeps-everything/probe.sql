SELECT id, owner, name, archived_at, touched FROM lists ORDER BY id;
SELECT id, list_id, title FROM items ORDER BY id;
SELECT id, name, n FROM list_sizes ORDER BY id;
