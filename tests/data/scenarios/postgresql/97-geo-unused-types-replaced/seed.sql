INSERT INTO sensors VALUES (1, 'north'), (2, 'south');
