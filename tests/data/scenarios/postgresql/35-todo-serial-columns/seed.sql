INSERT INTO todos VALUES (1, 'milk'), (2, 'eggs');
