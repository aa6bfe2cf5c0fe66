SELECT id, feeling, past, raw, is_calm(feeling) FROM people ORDER BY id;
SELECT id, feeling FROM calm_people ORDER BY id;
SELECT id FROM people WHERE feeling::mood = 'ok' ORDER BY id;
