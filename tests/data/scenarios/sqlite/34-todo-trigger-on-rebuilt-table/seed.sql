INSERT INTO todos (id, title, priority) VALUES (1, 'milk', 2), (2, 'eggs', 5);
