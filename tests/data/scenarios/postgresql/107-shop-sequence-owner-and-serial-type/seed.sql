INSERT INTO a VALUES (1, 2);
INSERT INTO t (v) VALUES ('p'), ('q');
