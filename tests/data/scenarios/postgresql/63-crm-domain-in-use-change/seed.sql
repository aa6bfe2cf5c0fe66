INSERT INTO contacts VALUES (1, 'Ann', 'ann@example.com', 10), (2, 'Bob', 'bob@example.org', 0);
INSERT INTO contacts (id, name, email) VALUES (3, 'Cy', 'cy@example.net');
