INSERT INTO people VALUES (1, 'ann', 'happy'), (2, 'bob', 'sad'), (3, 'cy', 'ok');
INSERT INTO mood_log (id, note) VALUES (1, 'happy'), (2, 'meh');
