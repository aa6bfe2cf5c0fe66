INSERT INTO contacts VALUES (1, 'ann');
