SELECT code, name FROM regions ORDER BY code;
SELECT id, region_code, name FROM countries ORDER BY id;
