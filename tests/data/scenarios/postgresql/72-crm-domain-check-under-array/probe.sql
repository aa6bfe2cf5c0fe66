SELECT id, main, others FROM contacts ORDER BY id;
SELECT id, n FROM contact_counts ORDER BY id;
