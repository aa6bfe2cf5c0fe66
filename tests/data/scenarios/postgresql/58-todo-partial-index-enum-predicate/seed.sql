INSERT INTO tasks VALUES (1, 'todo', NULL), (2, 'doing', 'ann'), (3, 'done', 'bob');
