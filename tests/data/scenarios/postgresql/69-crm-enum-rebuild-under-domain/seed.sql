INSERT INTO people VALUES (1, 'ok', '{ok,happy}', 'happy'), (2, 'ok', NULL, 'sad'), (3, 'happy', '{happy}', NULL);
