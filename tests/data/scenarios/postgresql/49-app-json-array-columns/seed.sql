INSERT INTO documents VALUES (1, 'Report', '{a,b}'), (2, 'memo', NULL);
