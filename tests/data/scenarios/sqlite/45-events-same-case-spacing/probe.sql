SELECT id, title FROM upcoming ORDER BY id;
