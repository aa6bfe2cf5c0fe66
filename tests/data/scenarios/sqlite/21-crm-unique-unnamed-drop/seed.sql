INSERT INTO contacts VALUES (1, 'a@x.org', '555-1'), (2, 'b@x.org', '555-2');
