SELECT id, state, previous FROM tasks ORDER BY id;
SELECT id FROM tasks WHERE state <> 'done' ORDER BY id;
