INSERT INTO authors (name) VALUES ('ada'), ('brian');
INSERT INTO posts (author_id, title, body) VALUES (1, 'hello', 'first'), (2, 'second', NULL);
