SELECT id, feeling, cheer(feeling), is_happy(feeling), is_upset(feeling) FROM people ORDER BY id;
SELECT happy_count();
SELECT id, note, cheered FROM mood_log ORDER BY id;
