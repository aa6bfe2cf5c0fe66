INSERT INTO codes VALUES (1, 'ABC', 'x'), (2, 'it''s (ok), really', 'a,b)c');
