INSERT INTO tasks (title) VALUES ('write'), ('review');
INSERT INTO tags (label) VALUES ('home'), ('work');
