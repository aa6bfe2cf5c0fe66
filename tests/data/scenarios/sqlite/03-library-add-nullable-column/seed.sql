INSERT INTO books (id, title) VALUES (1, 'Dune'), (2, 'Emma'), (3, 'Ulysses');
