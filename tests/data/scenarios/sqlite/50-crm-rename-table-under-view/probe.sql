SELECT id, name, phones FROM people_with_phones ORDER BY id;
SELECT id, person_id, number FROM phones ORDER BY id;
