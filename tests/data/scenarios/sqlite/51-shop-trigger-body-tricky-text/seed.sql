INSERT INTO orders (id, status, note) VALUES (1, 'new', 'a;b'), (2, 'paid', NULL);
