INSERT INTO contacts VALUES
    (1, 'Ann', ROW('1 Main St', 'Oslo'), ARRAY[ROW('2 Old Rd', 'Bergen')::address]),
    (2, 'Bob', ROW('9 High St', 'Leeds'), NULL),
    (3, 'Cy', NULL, NULL);
