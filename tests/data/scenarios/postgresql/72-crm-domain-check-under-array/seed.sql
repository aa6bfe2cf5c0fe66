INSERT INTO contacts VALUES (1, 'a@example.org', '{b@example.org,c@example.org}'), (2, 'd@example.org', DEFAULT);
