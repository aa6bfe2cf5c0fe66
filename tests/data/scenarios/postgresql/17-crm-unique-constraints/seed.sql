INSERT INTO contacts VALUES (1, 'a@x.org', '555-1', 't1'), (2, NULL, NULL, 't2'), (3, NULL, NULL, NULL);
