INSERT INTO legacy.settings VALUES (1, 'on');
INSERT INTO users VALUES (1, 'ann');
INSERT INTO audit.entries VALUES (1, 1, 'warn', 'disk'), (2, NULL, 'info', 'boot');
