INSERT INTO items VALUES (1, 'PEN-001', 'shown'), (2, 'INK-002', 'hidden');
