INSERT INTO measurements VALUES ('roof-1', '2024-03-01 12:00+00', 21.5), ('cellar', '2024-11-30 08:00+00', 11.0);
