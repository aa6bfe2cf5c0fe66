INSERT INTO plots (id, w, h, name) VALUES (1, 2, 3, 'north'), (2, 1.5, 4, NULL);
