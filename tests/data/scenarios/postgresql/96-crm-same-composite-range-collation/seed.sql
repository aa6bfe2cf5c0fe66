INSERT INTO contacts VALUES (1, 'Ann', ROW('1 Main St', 'Oslo'), '[1,2)');
