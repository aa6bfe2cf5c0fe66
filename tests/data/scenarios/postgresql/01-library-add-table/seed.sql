INSERT INTO books (id, title, isbn) VALUES (1, 'Dune', '9780441013593'), (2, 'Emma', NULL);
