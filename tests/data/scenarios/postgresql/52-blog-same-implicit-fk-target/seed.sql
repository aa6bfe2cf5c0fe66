INSERT INTO users VALUES (1, 'a@x.org'), (2, 'b@x.org');
INSERT INTO posts VALUES (1, 1, 'hi'), (2, 2, 'yo');
