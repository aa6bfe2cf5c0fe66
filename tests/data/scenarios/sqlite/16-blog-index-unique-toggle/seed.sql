INSERT INTO users VALUES (1, 'a@x.org', 'ann'), (2, 'b@x.org', 'bob');
