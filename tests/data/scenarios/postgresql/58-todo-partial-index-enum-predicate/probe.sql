SELECT id, state, owner FROM tasks ORDER BY id;
