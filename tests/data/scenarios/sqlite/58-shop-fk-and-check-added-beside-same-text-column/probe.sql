SELECT id, a, n FROM c ORDER BY id;
