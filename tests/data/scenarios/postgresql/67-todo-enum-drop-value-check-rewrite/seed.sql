INSERT INTO tasks (id, state, previous, last_state) VALUES (1, 'todo', NULL, NULL), (2, 'doing', 'todo', 'done'), (3, 'done', 'doing', NULL);
