SELECT id, name FROM companies ORDER BY id;
SELECT id, name FROM contacts ORDER BY id;
