INSERT INTO products VALUES (1, 'PEN-1'), (2, 'INK-22');
