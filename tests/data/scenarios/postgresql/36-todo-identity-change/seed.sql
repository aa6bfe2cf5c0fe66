INSERT INTO todos (title) VALUES ('milk'), ('eggs');
INSERT INTO notes (id, body) VALUES (1, 'a'), (2, 'b');
INSERT INTO tags (id, name) VALUES (1, 'x');
