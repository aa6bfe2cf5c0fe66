INSERT INTO todos (id, title) VALUES (1, 'milk'), (2, 'eggs');
